package io.hearth.ml.health;

import io.hearth.ml.churn.ChurnFeature;
import io.hearth.ml.churn.FeatureVector;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A transparent, rule-based health score: each {@link HealthFactor} maps one or two behavioural
 * features onto [0, 1] with a saturating curve, and the score is their weighted sum × 100. It needs no
 * training, so it serves from a customer's first order, and each point can be explained.
 *
 * @param referenceSpend 90-day spend that earns half the spend points (the shop's typical customer)
 */
public record HealthScore(double referenceSpend) {

    /** Validates the reference. */
    public HealthScore {
        if (!(referenceSpend > 0) || !Double.isFinite(referenceSpend)) {
            throw new IllegalArgumentException("referenceSpend must be positive, got " + referenceSpend);
        }
    }

    /** The assessment of one customer's features. */
    public HealthAssessment assess(FeatureVector features) {
        Map<HealthFactor, Double> points = new EnumMap<>(HealthFactor.class);
        double score = 0;
        for (HealthFactor factor : HealthFactor.values()) {
            double value = 100 * factor.weight() * Math.clamp(level(factor, features), 0, 1);
            points.put(factor, value);
            score += value;
        }
        return new HealthAssessment(features.customerId(), Math.clamp(score, 0, 100), points);
    }

    /** The factors that moved the score most between two assessments, largest move first. */
    public static List<HealthChange> changes(HealthAssessment before, HealthAssessment after, int limit) {
        return after.points().keySet().stream()
                .map(factor -> new HealthChange(
                        factor,
                        before.points().getOrDefault(factor, 0.0),
                        after.points().get(factor)))
                .filter(change -> change.delta() != 0)
                .sorted(Comparator.comparingDouble((HealthChange change) -> -Math.abs(change.delta())))
                .limit(limit)
                .toList();
    }

    private double level(HealthFactor factor, FeatureVector f) {
        return switch (factor) {
            case RECENCY -> recency(f);
            case FREQUENCY -> 1 - Math.exp(-f.value(ChurnFeature.PURCHASE_DAYS) / 4);
            case SPEND -> spend(f.value(ChurnFeature.SPEND_LAST_90_DAYS));
            case TREND -> (f.value(ChurnFeature.PURCHASE_TREND) + 1) / 2;
            case ENGAGEMENT -> engagement(f);
            case REFUNDS -> 1 - f.value(ChurnFeature.REFUND_SHARE);
            case SUPPORT -> Math.exp(-f.value(ChurnFeature.SUPPORT_CONTACTS_LAST_90_DAYS) / 2);
        };
    }

    /** Full marks until the usual interval has passed, then decaying; one-time buyers decay over 90 days. */
    private static double recency(FeatureVector f) {
        double overdue = f.value(ChurnFeature.OVERDUE_RATIO);
        if (Double.isNaN(overdue)) {
            return Math.exp(-f.value(ChurnFeature.RECENCY_DAYS) / 90);
        }
        return overdue <= 1 ? 1 : Math.exp(-(overdue - 1) / 1.5);
    }

    private double spend(double recentSpend) {
        return recentSpend / (recentSpend + referenceSpend);
    }

    /** Half marks when the shop sends no engagement data, so such shops are not penalized. */
    private static double engagement(FeatureVector f) {
        boolean none = Double.isNaN(f.value(ChurnFeature.DAYS_SINCE_ENGAGEMENT));
        if (none) {
            return 0.5;
        }
        return 1 - Math.exp(-f.value(ChurnFeature.ENGAGEMENTS_LAST_30_DAYS) / 2);
    }
}
