package io.hearth.support.internal;

import io.hearth.predictions.CustomerPredictions;
import io.hearth.predictions.Prediction;
import io.hearth.profiles.CustomerOrder;
import io.hearth.profiles.CustomerProfile;
import io.hearth.profiles.OrderStatus;
import io.hearth.support.EscalationReason;
import io.hearth.support.PriorityFactor;
import io.hearth.support.SupportPolicy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A ticket's priority as a sum of named terms, each with its reason, so the queue order can be read
 * and argued with: customer value (up to 30), predicted future value (up to 15), churn risk (up to
 * 20), loyalty tier (10), an order stuck for a week (20), negative sentiment (up to 25) and the
 * escalation reason (up to 20).
 */
@Component
class PriorityScore {

    private static final BigDecimal DEFAULT_VALUE_REFERENCE = new BigDecimal("1000");
    private static final Set<String> TOP_TIERS = Set.of("gold", "platinum", "vip");
    private static final Duration STUCK = Duration.ofDays(7);

    private final Clock clock;

    PriorityScore(Clock clock) {
        this.clock = clock;
    }

    List<PriorityFactor> factors(
            @Nullable CustomerProfile profile,
            @Nullable CustomerPredictions predictions,
            List<CustomerOrder> orders,
            double sentiment,
            EscalationReason reason,
            SupportPolicy policy) {
        List<PriorityFactor> factors = new ArrayList<>();
        if (profile != null) {
            value(profile, policy, factors);
            Object tier = profile.traits().get("tier");
            if (tier != null) {
                boolean top = TOP_TIERS.contains(tier.toString().toLowerCase(Locale.ROOT));
                factors.add(new PriorityFactor("tier", top ? 10 : 5, "loyalty tier " + tier));
            }
        }
        if (predictions != null) {
            predicted(profile, predictions, policy, factors);
        }
        orders.stream()
                .filter(o -> o.placedAt() != null && o.deliveredAt() == null)
                .filter(o -> o.status() == OrderStatus.PLACED
                        || o.status() == OrderStatus.PAID
                        || o.status() == OrderStatus.FULFILLED)
                .filter(o -> o.placedAt().plus(STUCK).isBefore(clock.instant()))
                .findFirst()
                .ifPresent(o -> factors.add(new PriorityFactor(
                        "open_order_problem", 20, "order " + o.orderId() + " placed over 7 days ago, not delivered")));
        if (sentiment < 0) {
            factors.add(new PriorityFactor(
                    "sentiment",
                    round(-sentiment * 25),
                    "message sentiment " + String.format(Locale.ROOT, "%.2f", sentiment)));
        }
        double reasonPoints = switch (reason) {
            // a customer the shop's policy calls high-value reaches the priority queue on value alone
            case HIGH_VALUE -> 20;
            case COMPLAINT -> 15;
            case REPEATED_FAILURE -> 10;
            case EXPLICIT_REQUEST -> 5;
            default -> 0;
        };
        if (reasonPoints > 0) {
            factors.add(new PriorityFactor(
                    "reason", reasonPoints, "escalated for " + reason.name().toLowerCase(Locale.ROOT)));
        }
        return List.copyOf(factors);
    }

    static double total(List<PriorityFactor> factors) {
        return round(factors.stream().mapToDouble(PriorityFactor::points).sum());
    }

    private static void value(CustomerProfile profile, SupportPolicy policy, List<PriorityFactor> factors) {
        BigDecimal revenue = profile.computed().revenue();
        if (revenue.signum() <= 0) {
            return;
        }
        BigDecimal reference = reference(policy);
        double points = Math.min(30, 30 * revenue.doubleValue() / reference.doubleValue());
        String currency = profile.computed().currency() == null
                ? ""
                : " " + profile.computed().currency();
        factors.add(new PriorityFactor(
                "customer_value",
                round(points),
                "lifetime revenue " + revenue.toPlainString() + currency + " (30 points at " + reference.toPlainString()
                        + ")"));
    }

    private static void predicted(
            @Nullable CustomerProfile profile,
            CustomerPredictions predictions,
            SupportPolicy policy,
            List<PriorityFactor> factors) {
        predictions.lifetimeValue().filter(clv -> clv.value() > 0).ifPresent(clv -> {
            double reference = reference(policy).doubleValue();
            String currency = profile == null || profile.computed().currency() == null
                    ? ""
                    : " " + profile.computed().currency();
            factors.add(new PriorityFactor(
                    "predicted_value",
                    round(Math.min(15, 15 * clv.value() / reference)),
                    "predicted future value " + String.format(Locale.ROOT, "%.2f", clv.value()) + currency + " ("
                            + clv.modelVersion() + "; 15 points at "
                            + reference(policy).toPlainString() + ")"));
        });
        Prediction churn = predictions.churnRisk();
        double points = round(Math.min(20, 20 * churn.value()));
        if (points > 0) {
            factors.add(new PriorityFactor(
                    "churn_risk",
                    points,
                    "churn risk " + String.format(Locale.ROOT, "%.2f", churn.value()) + " (" + churn.modelVersion()
                            + "; 20 points at 1.0)"));
        }
    }

    private static BigDecimal reference(SupportPolicy policy) {
        return policy.highValueRevenue() != null ? policy.highValueRevenue() : DEFAULT_VALUE_REFERENCE;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
