package io.hearth.loyalty.internal;

import io.hearth.loyalty.LoyaltyManagement;
import io.hearth.loyalty.LoyaltyProblem;
import io.hearth.profiles.OrderStatusChanged;
import io.hearth.profiles.OrdersChanged;
import io.hearth.shared.HearthProblem;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Follows the order lifecycle: a paid order earns pending points on its total (unless its lines
 * earned through the API first), a closed return window makes them available, a refund or a
 * cancellation takes them back; a paid order also advances the member's challenges and badges. Every step is keyed by the order, so a redelivered event writes nothing.
 */
@Component
class LoyaltyListener {

    private static final Logger LOG = LoggerFactory.getLogger(LoyaltyListener.class);

    private final LoyaltyManagement loyalty;
    private final Challenges challenges;
    private final Badges badges;
    private final LoyaltySettings settings;
    private final Clock clock;

    LoyaltyListener(
            LoyaltyManagement loyalty, Challenges challenges, Badges badges, LoyaltySettings settings, Clock clock) {
        this.loyalty = loyalty;
        this.badges = badges;
        this.challenges = challenges;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Every step of the batch gets its turn even when one fails; the first failure is thrown at the end,
     * so the publication stays incomplete and the batch is delivered again (each step is idempotent).
     */
    @Async
    @TransactionalEventListener(fallbackExecution = true)
    void on(OrdersChanged changed) {
        RuntimeException first = null;
        for (OrderStatusChanged change : changed.changes()) {
            try {
                apply(change);
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private void apply(OrderStatusChanged changed) {
        try {
            switch (changed.status()) {
                case PAID -> {
                    if (tooOldToEarn(changed)) {
                        return;
                    }
                    earn(changed);
                    challenges.progress(changed.tenantId(), changed.customerId(), true);
                    badges.progress(changed.tenantId(), changed.customerId(), true);
                }
                case RETURN_WINDOW_CLOSED -> loyalty.releaseOrder(changed.tenantId(), changed.orderId());
                case REFUNDED, CANCELLED -> loyalty.refundOrderEvent(changed.tenantId(), changed.orderId());
                case PLACED, FULFILLED, DELIVERED -> {}
            }
        } catch (HearthProblem problem) {
            if (!expected(problem)) {
                throw problem;
            }
            LOG.debug(
                    "Order {} step {}: {}",
                    changed.orderId(),
                    changed.status(),
                    problem.type().code());
        }
    }

    // An import of past orders must not hand out points for them, nor flood the ledger.
    private boolean tooOldToEarn(OrderStatusChanged paid) {
        return paid.at().isBefore(clock.instant().minus(settings.earnHistory()));
    }

    private void earn(OrderStatusChanged paid) {
        try {
            loyalty.earnOnOrderEvent(paid);
        } catch (HearthProblem problem) {
            if (problem.type() != LoyaltyProblem.ORDER_ALREADY_EARNED) {
                throw problem;
            }
        }
    }

    // The order earned through the API, earned nothing, or its points were already taken back.
    private static boolean expected(HearthProblem problem) {
        return problem.type() == LoyaltyProblem.ORDER_ALREADY_EARNED
                || problem.type() == LoyaltyProblem.UNKNOWN_ORDER
                || problem.type() == LoyaltyProblem.NOTHING_TO_REFUND;
    }
}
