package io.hearth.predictions.internal;

import io.hearth.predictions.Factor;
import io.hearth.predictions.Prediction;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The next purchase date: the last purchase plus the customer's rhythm (their median interval shrunk
 * toward the shop's). The value is days from now until it (negative when overdue).
 */
@Component
class ReplenishmentRules {

    static final String RULES_VERSION = "replenishment-rules@1";

    private final PredictionSettings settings;

    ReplenishmentRules(PredictionSettings settings) {
        this.settings = settings;
    }

    Trained<RhythmArtefact> train(TrainingSet data) {
        Map<String, Double> parameters = new LinkedHashMap<>();
        data.populationMedianDays().ifPresent(days -> parameters.put("population_median_interval_days", days));
        String reason = data.populationMedianDays().isEmpty() ? "no customer bought twice" : null;
        if (reason == null && data.customers().size() < settings.minCustomers()) {
            reason = data.customers().size() + " customers with orders, fewer than hearth.predictions.min-customers";
        }
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
        Map<Output, Prediction> scores = new EnumMap<>(Output.class);
        Optional<Double> interval = rhythm.expectedIntervalDays(customer);
        Optional<Instant> last = customer.lastPurchase();
        if (interval.isEmpty() || last.isEmpty()) {
            return scores;
        }
        Instant due = last.get().plus(Duration.ofMinutes(Math.round(interval.get() * 1440)));
        double daysUntil = Duration.between(customer.asOf(), due).toMinutes() / 1440.0;
        List<Factor> factors = new ArrayList<>();
        factors.add(new Factor(
                "expected_interval_days", interval.get(), interval.get(), "expected days between purchases"));
        customer.medianIntervalDays()
                .ifPresent(own -> factors.add(new Factor(
                        "own_median_interval_days", own, own - interval.get(), "the customer's own median interval")));
        rhythm.populationMedianDays()
                .ifPresent(shop -> factors.add(
                        new Factor("shop_median_interval_days", shop, 0, "the shop's median interval, the prior")));
        String version = model.map(m -> m.version().id()).orElse(RULES_VERSION);
        String label = LocalDate.ofInstant(due, ZoneOffset.UTC).toString();
        scores.put(Output.NEXT_PURCHASE, new Prediction(daysUntil, label, "days", factors, version, model.isEmpty()));
        return scores;
    }
}
