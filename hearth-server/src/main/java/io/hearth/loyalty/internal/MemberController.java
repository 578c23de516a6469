package io.hearth.loyalty.internal;

import io.hearth.loyalty.Balance;
import io.hearth.loyalty.LedgerTransaction;
import io.hearth.loyalty.LoyaltyManagement;
import io.hearth.loyalty.LoyaltyProblem;
import io.hearth.loyalty.LoyaltyScore;
import io.hearth.loyalty.RewardOffer;
import io.hearth.loyalty.TierStatus;
import io.hearth.profiles.ProfileManagement;
import io.hearth.shared.CustomerId;
import io.hearth.shared.FieldError;
import io.hearth.shared.HearthProblem;
import io.hearth.tenancy.Principal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What a member has: balance and pending points, tier and progress, score, history, rewards. */
@RestController
@Tag(name = "Loyalty members", description = "A member's points, tier, score, history and rewards")
class MemberController {

    private final LoyaltyManagement loyalty;
    private final ProfileManagement profiles;

    MemberController(LoyaltyManagement loyalty, ProfileManagement profiles) {
        this.loyalty = loyalty;
        this.profiles = profiles;
    }

    /** A member at a glance. */
    record MemberResponse(Balance balance, TierStatus tier, LoyaltyScore score) {}

    @GetMapping(path = "/v1/loyalty/members/{customerId}", produces = "application/json")
    @Operation(summary = "Balance, pending points, tier with progress to the next, and loyalty score")
    MemberResponse member(@AuthenticationPrincipal Principal caller, @PathVariable String customerId) {
        CustomerId customer = CustomerId.of(customerId);
        if (unknown(caller, customer)) {
            throw new HearthProblem(LoyaltyProblem.UNKNOWN_MEMBER, "No customer or ledger activity has this id");
        }
        return new MemberResponse(
                loyalty.balance(caller.tenantId(), customer),
                loyalty.tierStatus(caller.tenantId(), customer),
                loyalty.loyaltyScore(caller.tenantId(), customer));
    }

    // Neither a profile nor a ledger entry: an id of another tenant, or a typing error.
    private boolean unknown(Principal caller, CustomerId customer) {
        return profiles.profile(caller.tenantId(), customer).isEmpty()
                && loyalty.history(caller.tenantId(), customer, 1, null, null).isEmpty();
    }

    @GetMapping(path = "/v1/loyalty/members/{customerId}/history", produces = "application/json")
    @Operation(summary = "The member's ledger transactions, newest first; pass next as cursor for more")
    Map<String, Object> history(
            @AuthenticationPrincipal Principal caller,
            @PathVariable String customerId,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) @Nullable String cursor) {
        if (limit < 1 || limit > 500) {
            throw new HearthProblem(
                    LoyaltyProblem.INVALID_REQUEST,
                    "limit must be between 1 and 500",
                    List.of(new FieldError("limit", "must be between 1 and 500")));
        }
        Position position = Position.of(cursor);
        List<LedgerTransaction> page = loyalty.history(
                caller.tenantId(), CustomerId.of(customerId), limit, position.at(), position.transactionId());
        if (page.size() < limit) {
            return Map.of("data", page);
        }
        LedgerTransaction last = page.getLast();
        return Map.of("data", page, "next", last.occurredAt() + "_" + last.transactionId());
    }

    @GetMapping(path = "/v1/loyalty/members/{customerId}/rewards", produces = "application/json")
    @Operation(summary = "Rewards the member's tier allows, marked affordable when their points cover them")
    Map<String, List<RewardOffer>> rewards(@AuthenticationPrincipal Principal caller, @PathVariable String customerId) {
        return Map.of("data", loyalty.rewardsFor(caller.tenantId(), CustomerId.of(customerId)));
    }

    /** Where a page ends: the time and id of its last transaction, written {@code <instant>_<uuid>}. */
    record Position(@Nullable Instant at, @Nullable UUID transactionId) {

        static Position of(@Nullable String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return new Position(null, null);
            }
            int split = cursor.lastIndexOf('_');
            try {
                return new Position(
                        Instant.parse(cursor.substring(0, split)), UUID.fromString(cursor.substring(split + 1)));
            } catch (DateTimeParseException | IllegalArgumentException | StringIndexOutOfBoundsException e) {
                throw new HearthProblem(
                        LoyaltyProblem.INVALID_REQUEST,
                        "cursor must be the next of a previous page",
                        List.of(new FieldError("cursor", "is not a cursor of this API")));
            }
        }
    }
}
