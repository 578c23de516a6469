package io.hearth.loyalty.internal;

import io.hearth.loyalty.Challenge;
import io.hearth.loyalty.internal.ChallengeStore.StoredTarget;
import io.hearth.ml.challenge.TargetCalibrator;
import io.hearth.ml.challenge.TargetCalibrator.Target;
import io.hearth.privacy.Decision;
import io.hearth.privacy.PrivacyManagement;
import io.hearth.profiles.CustomerOrder;
import io.hearth.profiles.OrderStatus;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sets a member's monthly target the first time it is asked for: calibrated from the months since
 * their first order (at most twelve, the current one excluded), stored with its completion
 * probability, and written to the decision log with the reason.
 */
@Component
class ChallengeTargets {

    static final int HISTORY_MONTHS = 12;

    private final ChallengeStore store;
    private final PrivacyManagement privacy;

    ChallengeTargets(ChallengeStore store, PrivacyManagement privacy) {
        this.store = store;
        this.privacy = privacy;
    }

    StoredTarget target(
            TenantId tenant, Challenge challenge, CustomerId customer, List<CustomerOrder> orders, Instant now) {
        YearMonth period = YearMonth.from(now.atZone(ZoneOffset.UTC));
        var stored = TenantContext.call(
                tenant, () -> store.target(tenant, challenge.challengeId(), customer, period.toString()));
        if (stored.isPresent()) {
            return stored.get();
        }
        double[] months = monthlySpend(orders, period);
        Target target = new TargetCalibrator(
                        challenge.stretch(),
                        challenge.minTarget().doubleValue(),
                        challenge.maxTarget().doubleValue())
                .calibrate(months);
        StoredTarget calibrated =
                new StoredTarget(money(target.target()), target.probability(), money(target.typical()));
        boolean first = TenantContext.call(
                tenant,
                () -> store.saveTarget(tenant, challenge.challengeId(), customer, period.toString(), calibrated, now));
        if (!first) {
            return TenantContext.call(
                            tenant, () -> store.target(tenant, challenge.challengeId(), customer, period.toString()))
                    .orElseThrow();
        }
        record(tenant, challenge, customer, period, target);
        return calibrated;
    }

    /** Spend per month from the first order's month to the month before {@code period}, at most twelve. */
    static double[] monthlySpend(List<CustomerOrder> orders, YearMonth period) {
        List<CustomerOrder> counted = orders.stream()
                .filter(order -> order.placedAt() != null && order.total() != null)
                .filter(order -> order.status() != OrderStatus.REFUNDED && order.status() != OrderStatus.CANCELLED)
                .toList();
        YearMonth first = counted.stream()
                .map(order -> YearMonth.from(order.placedAt().atZone(ZoneOffset.UTC)))
                .min(YearMonth::compareTo)
                .orElse(period);
        YearMonth from =
                first.isBefore(period.minusMonths(HISTORY_MONTHS)) ? period.minusMonths(HISTORY_MONTHS) : first;
        int length = (int) Math.max(0, from.until(period, java.time.temporal.ChronoUnit.MONTHS));
        double[] months = new double[length];
        for (CustomerOrder order : counted) {
            YearMonth month = YearMonth.from(order.placedAt().atZone(ZoneOffset.UTC));
            int index = (int) from.until(month, java.time.temporal.ChronoUnit.MONTHS);
            if (index >= 0 && index < length) {
                months[index] += order.total().doubleValue();
            }
        }
        return months;
    }

    private void record(TenantId tenant, Challenge challenge, CustomerId customer, YearMonth period, Target target) {
        ObjectNode inputs = JsonNodeFactory.instance.objectNode();
        inputs.put("challengeId", challenge.challengeId());
        inputs.put("period", period.toString());
        inputs.put("typicalMonth", target.typical());
        inputs.put("months", target.periods());
        inputs.put("activeMonths", target.activePeriods());
        String reason =
                "%.0f %% above the typical month of %.2f over %d months, bounded %s–%s; chance of reaching it %.2f"
                        .formatted(
                                100 * challenge.stretch(),
                                target.typical(),
                                target.periods(),
                                challenge.minTarget().toPlainString(),
                                challenge.maxTarget().toPlainString(),
                                target.probability());
        privacy.recordDecision(
                tenant,
                new Decision(
                        customer,
                        "loyalty.challenge-target",
                        inputs,
                        "challenge-calibrator@1",
                        money(target.target()).toPlainString(),
                        reason,
                        null));
    }

    private static BigDecimal money(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
