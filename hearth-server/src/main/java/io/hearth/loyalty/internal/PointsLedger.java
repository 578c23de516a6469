package io.hearth.loyalty.internal;

import io.hearth.loyalty.EarnRules.BonusAction;
import io.hearth.loyalty.Idempotency;
import io.hearth.loyalty.LedgerTransaction;
import io.hearth.loyalty.LoyaltyProblem;
import io.hearth.loyalty.OrderLine;
import io.hearth.loyalty.Reward;
import io.hearth.shared.CustomerId;
import io.hearth.shared.FieldError;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Every write to the ledger, each one ledger transaction written once through {@link Postings}. */
@Service
public class PointsLedger {

    private final Postings postings;
    private final OrderPoints orders;
    private final MemberPoints members;
    private final Lookups lookups;

    PointsLedger(Postings postings, OrderPoints orders, MemberPoints members, Lookups lookups) {
        this.postings = postings;
        this.orders = orders;
        this.members = members;
        this.lookups = lookups;
    }

    public LedgerTransaction earn(
            TenantId tenant,
            CustomerId customer,
            String orderId,
            List<OrderLine> lines,
            @Nullable Instant placedAt,
            Idempotency idempotency) {
        return postings.post(
                        tenant,
                        customer,
                        idempotency,
                        (account, id, now) -> orders.earn(
                                tenant, account, id, orderId, lines, now, placedAt == null ? now : placedAt))
                .transaction();
    }

    public LedgerTransaction release(TenantId tenant, String orderId) {
        CustomerId customer = lookups.customerOfOrder(tenant, orderId);
        return postings.post(
                        tenant,
                        customer,
                        new Idempotency("release:" + orderId, "release"),
                        (account, id, now) -> orders.release(tenant, account, id, orderId, now))
                .transaction();
    }

    public LedgerTransaction refund(TenantId tenant, String orderId, List<String> lineIds, Idempotency idempotency) {
        CustomerId customer = lookups.customerOfOrder(tenant, orderId);
        return postings.post(
                        tenant,
                        customer,
                        idempotency,
                        (account, id, now) -> orders.refund(tenant, account, id, orderId, lineIds, now))
                .transaction();
    }

    public LedgerTransaction bonus(
            TenantId tenant, CustomerId customer, BonusAction action, String reference, Idempotency idempotency) {
        if (action == BonusAction.FIRST_ORDER) {
            throw new HearthProblem(
                    LoyaltyProblem.INVALID_REQUEST,
                    "The first-order bonus comes with the first order",
                    List.of(new FieldError("/action", "is awarded with the first order")));
        }
        String once = action.name().toLowerCase(Locale.ROOT) + ":" + reference;
        return postings.post(
                        tenant,
                        customer,
                        idempotency,
                        (account, id, now) -> members.bonus(tenant, account, id, action, once, now))
                .transaction();
    }

    public LedgerTransaction redeem(
            TenantId tenant, CustomerId customer, String rewardId, String actor, Idempotency idempotency) {
        Reward reward = lookups.redeemable(tenant, customer, rewardId);
        return postings.post(
                        tenant,
                        customer,
                        idempotency,
                        (account, id, now) -> members.redeem(tenant, account, id, reward, actor, now))
                .transaction();
    }

    public LedgerTransaction adjust(
            TenantId tenant, CustomerId customer, long points, String reason, String actor, Idempotency idempotency) {
        return postings.post(
                        tenant,
                        customer,
                        idempotency,
                        (account, id, now) -> members.adjust(tenant, account, id, points, reason, actor, now))
                .transaction();
    }

    public LedgerTransaction reverse(
            TenantId tenant, UUID transactionId, String reason, String actor, Idempotency idempotency) {
        LedgerTransaction original = lookups.transaction(tenant, transactionId);
        return postings.post(
                        tenant,
                        original.customerId(),
                        idempotency,
                        (account, id, now) -> members.reverse(tenant, account, id, original, reason, actor, now))
                .transaction();
    }
}
