package io.hearth.loyalty.internal;

import io.hearth.loyalty.Balance;
import io.hearth.loyalty.LedgerTransaction;
import io.hearth.loyalty.LoyaltyManagement;
import io.hearth.loyalty.LoyaltyProblem;
import io.hearth.loyalty.LoyaltyScore;
import io.hearth.loyalty.RewardOffer;
import io.hearth.loyalty.TierStatus;
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

    MemberController(LoyaltyManagement loyalty) {
        this.loyalty = loyalty;
    }

    /** A member at a glance. */
    record MemberResponse(Balance balance, TierStatus tier, LoyaltyScore score) {}

    @GetMapping(path = "/v1/loyalty/members/{customerId}", produces = "application/json")
    @Operation(summary = "Balance, pending points, tier with progress to the next, and loyalty score")
    MemberResponse member(@AuthenticationPrincipal Principal caller, @PathVariable String customerId) {
        CustomerId customer = CustomerId.of(customerId);
        return new MemberResponse(
                loyalty.balance(caller.tenantId(), customer),
                loyalty.tierStatus(caller.tenantId(), customer),
                loyalty.loyaltyScore(caller.tenantId(), customer));
    }

    @GetMapping(path = "/v1/loyalty/members/{customerId}/history", produces = "application/json")
    @Operation(summary = "The member's ledger transactions, newest first; pass next as before for more")
    Map<String, Object> history(
            @AuthenticationPrincipal Principal caller,
            @PathVariable String customerId,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) @Nullable String before) {
        if (limit < 1 || limit > 500) {
            throw new HearthProblem(
                    LoyaltyProblem.INVALID_REQUEST,
                    "limit must be between 1 and 500",
                    List.of(new FieldError("limit", "must be between 1 and 500")));
        }
        List<LedgerTransaction> page =
                loyalty.history(caller.tenantId(), CustomerId.of(customerId), limit, instant(before));
        return page.size() < limit
                ? Map.of("data", page)
                : Map.of("data", page, "next", page.getLast().occurredAt().toString());
    }

    @GetMapping(path = "/v1/loyalty/members/{customerId}/rewards", produces = "application/json")
    @Operation(summary = "Rewards the member's tier allows, marked affordable when their points cover them")
    Map<String, List<RewardOffer>> rewards(@AuthenticationPrincipal Principal caller, @PathVariable String customerId) {
        return Map.of("data", loyalty.rewardsFor(caller.tenantId(), CustomerId.of(customerId)));
    }

    private static @Nullable Instant instant(@Nullable String before) {
        if (before == null || before.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(before);
        } catch (DateTimeParseException e) {
            throw new HearthProblem(
                    LoyaltyProblem.INVALID_REQUEST,
                    "before must be an ISO-8601 instant",
                    List.of(new FieldError("before", "must be an ISO-8601 instant")));
        }
    }
}
