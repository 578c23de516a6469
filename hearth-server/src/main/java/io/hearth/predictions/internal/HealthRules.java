package io.hearth.predictions.internal;

import io.hearth.predictions.Factor;
import io.hearth.predictions.Prediction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The 0–100 health score as a sum of five transparent parts: buying on rhythm (40), frequency (20),
 * spend (15), recent engagement (15) and keeping what they buy (10). Each part is a factor whose
 * effect is the points it earned; {@link HealthTracker} turns those into "what moved it". Not a port
 * itself: {@link HealthPort} falls back to it without a trained version.
 */
@Component
class HealthRules {

    static final String RULES_VERSION = "health-rules@1";
    private static final double ENGAGEMENT_DAYS = 60;

    private final PredictionSettings settings;

    HealthRules(PredictionSettings settings) {
        this.settings = settings;
    }

    Trained<RhythmArtefact> train(TrainingSet data) {
        Map<String, Double> parameters = new LinkedHashMap<>();
        data.populationMedianDays().ifPresent(days -> parameters.put("population_median_interval_days", days));
        String reason = data.customers().size() < settings.minCustomers()
                ? data.customers().size() + " customers with orders, fewer than hearth.predictions.min-customers"
                : null;
        return new Trained<>(
                new RhythmArtefact(data.populationMedianDays().orElse(null), List.of()),
                Map.of("customers", (double) data.customers().size()),
                parameters,
                reason);
    }

    byte[] write(RhythmArtefact model) {
        return Artefacts.write(model);
    }

    RhythmArtefact read(byte[] artefact) {
        return Artefacts.read(artefact, RhythmArtefact.class);
    }

    Map<Output, Prediction> score(Optional<Serving<RhythmArtefact>> model, CustomerFeatures customer) {
        Rhythm rhythm = model.map(m -> m.model().rhythm()).orElse(Rhythm.unknown());
        List<Factor> parts = new ArrayList<>();
        parts.add(new Factor(
                "rhythm",
                customer.recencyDays().orElse(-1.0),
                rhythmPoints(rhythm, customer),
                "buying on the customer's own rhythm (40 points)"));
        parts.add(
                new Factor("frequency", customer.trips(), frequencyPoints(customer), "how often they buy (20 points)"));
        parts.add(new Factor("spend", customer.meanSpend(), spendPoints(customer), "what they spend (15 points)"));
        parts.add(new Factor(
                "engagement",
                customer.daysSinceSeen().orElse(-1.0),
                engagementPoints(customer),
                "days since they were last seen (15 points)"));
        parts.add(new Factor(
                "refunds",
                customer.refundRate(),
                10 * (1 - customer.refundRate()),
                "share of orders kept, not refunded (10 points)"));
        double health = parts.stream().mapToDouble(Factor::effect).sum();
        parts.sort(Comparator.comparingDouble(Factor::effect));
        String version = model.map(m -> m.version().id()).orElse(RULES_VERSION);
        Map<Output, Prediction> scores = new EnumMap<>(Output.class);
        scores.put(
                Output.HEALTH,
                new Prediction(Math.round(health * 10) / 10.0, null, "points", parts, version, model.isEmpty()));
        return scores;
    }

    private double rhythmPoints(Rhythm rhythm, CustomerFeatures customer) {
        if (!customer.hasOrders()) {
            return 0;
        }
        Optional<Double> overdue = rhythm.overdueRatio(customer);
        if (overdue.isPresent()) {
            return 40 * clamp(1 - (overdue.get() - 1) / 2);
        }
        double horizon = settings.churnHorizon().toDays();
        return 40 * clamp(1 - customer.recencyDays().orElse(horizon) / horizon);
    }

    private static double frequencyPoints(CustomerFeatures customer) {
        if (customer.rfm() != null) {
            return 20 * customer.rfm().frequency() / 5.0;
        }
        return 20 * Math.min(customer.trips() / 5.0, 1);
    }

    private static double spendPoints(CustomerFeatures customer) {
        if (!customer.hasOrders()) {
            return 0;
        }
        return customer.rfm() != null ? 15 * customer.rfm().monetary() / 5.0 : 7.5;
    }

    private static double engagementPoints(CustomerFeatures customer) {
        return customer.daysSinceSeen()
                .map(days -> 15 * clamp(1 - days / ENGAGEMENT_DAYS))
                .orElse(7.5);
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
