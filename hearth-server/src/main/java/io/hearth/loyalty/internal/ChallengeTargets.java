package io.hearth.loyalty.internal;

import io.hearth.loyalty.Challenge;
import io.hearth.loyalty.internal.ChallengeStore.StoredTarget;
import io.hearth.ml.challenge.TargetCalibrator;
import io.hearth.ml.challenge.TargetCalibrator.Target;
import io.hearth.privacy.Decision;
import io.hearth.privacy.PrivacyManagement;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sets a member's monthly target the first time it is asked for: calibrated from their figure in
 * each month since their first activity (at most twelve, the current one excluded), stored with its
 * completion probability, and written to the decision log with the reason. Targets of kinds that
 * count whole units are rounded up, and the probability is that of the rounded target.
 */
@Component
class ChallengeTargets {

    private final ChallengeStore store;
    private final PrivacyManagement privacy;

    ChallengeTargets(ChallengeStore store, PrivacyManagement privacy) {
        this.store = store;
        this.privacy = privacy;
    }

    StoredTarget target(TenantId tenant, Challenge challenge, CustomerId customer, double[] months, Instant now) {
        YearMonth period = YearMonth.from(now.atZone(ZoneOffset.UTC));
        var stored = TenantContext.call(
                tenant, () -> store.target(tenant, challenge.challengeId(), customer, period.toString()));
        if (stored.isPresent()) {
            return stored.get();
        }
        TargetCalibrator calibrator = new TargetCalibrator(
                challenge.stretch(),
                challenge.minTarget().doubleValue(),
                challenge.maxTarget().doubleValue());
        Target target = whole(challenge, calibrator, months, calibrator.calibrate(months));
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

    private static Target whole(Challenge challenge, TargetCalibrator calibrator, double[] months, Target target) {
        if (!challenge.kind().counted()) {
            return target;
        }
        double rounded = Math.min(
                Math.max(1, Math.ceil(target.target() - 1e-9)),
                Math.max(1, Math.floor(challenge.maxTarget().doubleValue())));
        double[] active =
                java.util.Arrays.stream(months).filter(value -> value > 0).toArray();
        double probability = active.length == 0 ? 0 : calibrator.probability(active, months.length, rounded);
        return new Target(rounded, probability, target.typical(), target.periods(), target.activePeriods());
    }

    private void record(TenantId tenant, Challenge challenge, CustomerId customer, YearMonth period, Target target) {
        ObjectNode inputs = JsonNodeFactory.instance.objectNode();
        inputs.put("challengeId", challenge.challengeId());
        inputs.put("period", period.toString());
        inputs.put("typicalMonth", target.typical());
        inputs.put("months", target.periods());
        inputs.put("activeMonths", target.activePeriods());
        inputs.put("kind", challenge.kind().name());
        String reason =
                "%s: %.0f %% above the typical month of %.2f over %d months, bounded %s–%s; chance of reaching it %.2f"
                        .formatted(
                                challenge.kind().name().toLowerCase(java.util.Locale.ROOT),
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
