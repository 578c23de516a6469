package io.hearth.loyalty.internal;

import io.hearth.loyalty.PointsEarned;
import io.hearth.privacy.Decision;
import io.hearth.privacy.PrivacyManagement;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Every automated award goes into the decision log with the rule version and the reason. */
@Component
class LoyaltyDecisions {

    private static final int MAX_REASON = 1000;

    private final PrivacyManagement privacy;

    LoyaltyDecisions(PrivacyManagement privacy) {
        this.privacy = privacy;
    }

    @Async(DecisionsExecutorConfiguration.NAME)
    @TransactionalEventListener
    void on(PointsEarned earned) {
        ObjectNode inputs = JsonNodeFactory.instance.objectNode();
        inputs.put("transactionId", earned.transactionId().toString());
        inputs.put("points", earned.points());
        inputs.put("pending", earned.pending());
        if (earned.orderId() != null) {
            inputs.put("orderId", earned.orderId());
        }
        String reason = earned.reason().length() > MAX_REASON
                ? earned.reason().substring(0, MAX_REASON - 1) + "…"
                : earned.reason();
        privacy.recordDecision(
                earned.tenantId(),
                new Decision(
                        earned.customerId(),
                        "loyalty.points-earned",
                        inputs,
                        "earn-rules@v" + (earned.ruleVersion() == null ? 0 : earned.ruleVersion()),
                        earned.points() + " points",
                        reason,
                        null));
    }
}
