package io.hearth.loyalty.internal;

import io.hearth.loyalty.LedgerTransaction;
import io.hearth.privacy.Decision;
import io.hearth.shared.TenantId;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every automated award goes into the decision log with the rule version and the reason. The
 * decision is written to the outbox in the award's own transaction, so it is never lost and costs
 * the award no commit and no wait on the tenant's chain; {@link DecisionDrain} logs it shortly after.
 */
@Component
class LoyaltyDecisions {

    private static final int MAX_REASON = 1000;

    private final DecisionOutbox outbox;

    LoyaltyDecisions(DecisionOutbox outbox) {
        this.outbox = outbox;
    }

    /** Inside the ledger transaction of an earn or a bonus. */
    void awarded(TenantId tenant, LedgerTransaction award) {
        outbox.add(tenant, decision(award));
    }

    /** The decision of an earn or a bonus, for the outbox row the ledger writes with it. */
    Decision decision(LedgerTransaction award) {
        ObjectNode inputs = JsonNodeFactory.instance.objectNode();
        inputs.put("transactionId", award.transactionId().toString());
        inputs.put("points", award.points());
        inputs.put("pending", award.kind() == LedgerTransaction.Kind.EARN);
        if (award.orderId() != null) {
            inputs.put("orderId", award.orderId());
        }
        String reason = award.reason() == null ? award.kind().name() : award.reason();
        return new Decision(
                award.customerId(),
                "loyalty.points-earned",
                inputs,
                "earn-rules@v" + (award.ruleVersion() == null ? 0 : award.ruleVersion()),
                award.points() + " points",
                reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON - 1) + "…" : reason,
                award.occurredAt());
    }

    /** Any other automated decision of the program (an offer chosen, a perk matched), in the caller's transaction. */
    void record(TenantId tenant, Decision decision) {
        outbox.add(tenant, decision);
    }
}
