package io.hearth.loyalty.internal;

import io.hearth.loyalty.Idempotency;
import io.hearth.loyalty.LedgerTransaction;
import io.hearth.loyalty.LoyaltyManagement;
import io.hearth.loyalty.LoyaltyProblem;
import io.hearth.loyalty.internal.LoyaltyRequests.AdjustmentRequest;
import io.hearth.loyalty.internal.LoyaltyRequests.BonusRequest;
import io.hearth.loyalty.internal.LoyaltyRequests.EarnOrderRequest;
import io.hearth.loyalty.internal.LoyaltyRequests.RedemptionRequest;
import io.hearth.loyalty.internal.LoyaltyRequests.RefundRequest;
import io.hearth.loyalty.internal.LoyaltyRequests.ReversalRequest;
import io.hearth.shared.CustomerId;
import io.hearth.shared.HearthProblem;
import io.hearth.tenancy.Principal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Writes to the points ledger. Each answers the ledger transaction it wrote; an {@code
 * Idempotency-Key} header makes a retry answer the same transaction (409 with another body).
 */
@RestController
@Tag(name = "Loyalty ledger", description = "Earn, refund, bonus, redeem, adjust and reverse points")
class LedgerController {

    private final LoyaltyManagement loyalty;

    LedgerController(LoyaltyManagement loyalty) {
        this.loyalty = loyalty;
    }

    @PostMapping(path = "/v1/loyalty/orders", produces = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Earn pending points on an order's lines; available when its return window closes")
    LedgerTransaction earn(
            @AuthenticationPrincipal Principal caller,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) @Nullable String key,
            @RequestBody EarnOrderRequest request) {
        request.check();
        Idempotency idempotency = IdempotencyKeys.of(key, "/v1/loyalty/orders", request, "order:" + request.orderId());
        return loyalty.earnOrder(
                caller.tenantId(),
                CustomerId.of(request.customerId()),
                request.orderId(),
                request.orderLines(),
                request.placedAt(),
                idempotency);
    }

    @PostMapping(path = "/v1/loyalty/orders/{orderId}/refunds", produces = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Take back the points of refunded lines (all remaining lines without lineIds)")
    LedgerTransaction refund(
            @AuthenticationPrincipal Principal caller,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) @Nullable String key,
            @PathVariable String orderId,
            @RequestBody(required = false) @Nullable RefundRequest body) {
        RefundRequest request = body == null ? new RefundRequest(null) : body;
        String natural = "refund:" + orderId + ":"
                + String.join(",", request.lines().stream().sorted().toList());
        Idempotency idempotency =
                IdempotencyKeys.of(key, "/v1/loyalty/orders/" + orderId + "/refunds", request, natural);
        return loyalty.refundOrder(caller.tenantId(), orderId, request.lines(), idempotency);
    }

    @PostMapping(path = "/v1/loyalty/members/{customerId}/bonuses", produces = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Award the bonus of an action (review, referral, birthday), once per reference")
    LedgerTransaction bonus(
            @AuthenticationPrincipal Principal caller,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) @Nullable String key,
            @PathVariable String customerId,
            @RequestBody BonusRequest request) {
        request.check();
        String path = "/v1/loyalty/members/" + customerId + "/bonuses";
        String natural = "bonus:" + customerId + ":" + request.action().name().toLowerCase(Locale.ROOT) + ":"
                + request.reference();
        return loyalty.awardBonus(
                caller.tenantId(),
                CustomerId.of(customerId),
                request.action(),
                request.reference(),
                IdempotencyKeys.of(key, path, request, natural));
    }

    @PostMapping(path = "/v1/loyalty/members/{customerId}/redemptions", produces = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Redeem points for a reward")
    LedgerTransaction redeem(
            @AuthenticationPrincipal Principal caller,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) @Nullable String key,
            @PathVariable String customerId,
            @RequestBody RedemptionRequest request) {
        request.check();
        String path = "/v1/loyalty/members/" + customerId + "/redemptions";
        return loyalty.redeem(
                caller.tenantId(),
                CustomerId.of(customerId),
                request.rewardId(),
                actor(caller),
                IdempotencyKeys.of(key, path, request, null));
    }

    @PostMapping(path = "/v1/loyalty/members/{customerId}/adjustments", produces = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Adjust available points by hand, with a reason (admin)")
    LedgerTransaction adjust(
            @AuthenticationPrincipal Principal caller,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) @Nullable String key,
            @PathVariable String customerId,
            @RequestBody AdjustmentRequest request) {
        request.check();
        String path = "/v1/loyalty/members/" + customerId + "/adjustments";
        return loyalty.adjust(
                caller.tenantId(),
                CustomerId.of(customerId),
                request.points(),
                request.reason(),
                actor(caller),
                IdempotencyKeys.of(key, path, request, null));
    }

    @PostMapping(path = "/v1/loyalty/transactions/{transactionId}/reversal", produces = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Correct a bonus, redemption or adjustment with a reversing transaction (admin)")
    LedgerTransaction reverse(
            @AuthenticationPrincipal Principal caller,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) @Nullable String key,
            @PathVariable String transactionId,
            @RequestBody ReversalRequest request) {
        request.check();
        UUID id = transactionId(transactionId);
        String path = "/v1/loyalty/transactions/" + id + "/reversal";
        return loyalty.reverse(
                caller.tenantId(),
                id,
                request.reason(),
                actor(caller),
                IdempotencyKeys.of(key, path, request, "reverse:" + id));
    }

    static UUID transactionId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new HearthProblem(LoyaltyProblem.UNKNOWN_TRANSACTION, "No such ledger transaction");
        }
    }

    static String actor(Principal caller) {
        return "api-key:" + caller.keyId();
    }
}
