package io.hearth.predictions.internal;

import io.hearth.predictions.Factor;
import io.hearth.predictions.Prediction;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The best hour of the week to reach a customer: their events and purchases per hour of the week plus
 * {@value #PRIOR_WEIGHT} pseudo-events spread like the shop's purchases (uniformly without a trained
 * version), so a customer with little data gets the shop's best hour. Not a port itself:
 * {@link SendTimePort} falls back to it without a trained version.
 */
@Component
class SendTimeRules {

    static final String RULES_VERSION = "send-time-rules@1";
    static final double PRIOR_WEIGHT = 5;

    private final PredictionSettings settings;

    SendTimeRules(PredictionSettings settings) {
        this.settings = settings;
    }

    Trained<SendTimeArtefact> train(TrainingSet data) {
        double[] shares = new double[CustomerFeatures.HOURS_OF_WEEK];
        long purchases = 0;
        for (PurchaseHistory history : data.customers()) {
            for (Purchase purchase : history.purchases()) {
                shares[CustomerFeatures.hourOfWeek(purchase.at())]++;
                purchases++;
            }
        }
        for (int hour = 0; hour < shares.length; hour++) {
            shares[hour] = purchases == 0 ? 0 : shares[hour] / purchases;
        }
        String reason = data.customers().size() < settings.minCustomers()
                ? data.customers().size() + " customers with orders, fewer than hearth.predictions.min-customers"
                : null;
        return new Trained<>(
                new SendTimeArtefact(shares),
                Map.of("purchases", (double) purchases),
                Map.of("prior_weight", PRIOR_WEIGHT, "shop_best_hour_of_week", (double) best(shares)),
                reason);
    }

    byte[] write(SendTimeArtefact model) {
        return Artefacts.write(model);
    }

    SendTimeArtefact read(byte[] artefact) {
        return Artefacts.read(artefact, SendTimeArtefact.class);
    }

    Map<Output, Prediction> score(Optional<Serving<SendTimeArtefact>> model, CustomerFeatures customer) {
        double[] prior = model.map(m -> m.model().populationShares()).orElseGet(SendTimeRules::uniform);
        double[] own = new double[CustomerFeatures.HOURS_OF_WEEK];
        for (int hour = 0; hour < own.length; hour++) {
            own[hour] = customer.engagementByHour()[hour];
        }
        customer.history().purchases().forEach(p -> own[CustomerFeatures.hourOfWeek(p.at())]++);
        double ownTotal = java.util.Arrays.stream(own).sum();
        double[] posterior = new double[own.length];
        for (int hour = 0; hour < own.length; hour++) {
            posterior[hour] = own[hour] + PRIOR_WEIGHT * prior[hour];
        }
        int best = best(posterior);
        List<Factor> factors = List.of(
                new Factor(
                        "own_events_at_hour", own[best], own[best], "the customer's events and purchases in this hour"),
                new Factor("own_events", ownTotal, 0, "the customer's events and purchases in all"),
                new Factor(
                        "shop_share_at_hour",
                        prior[best],
                        PRIOR_WEIGHT * prior[best],
                        "the shop's share of purchases in this hour"));
        String version = model.map(m -> m.version().id()).orElse(RULES_VERSION);
        Map<Output, Prediction> scores = new EnumMap<>(Output.class);
        scores.put(
                Output.BEST_SEND_TIME,
                new Prediction(best, label(best), "hour-of-week", factors, version, model.isEmpty()));
        return scores;
    }

    static String label(int hourOfWeek) {
        String day = DayOfWeek.of(hourOfWeek / 24 + 1).getDisplayName(TextStyle.SHORT, Locale.ROOT);
        return String.format(Locale.ROOT, "%s %02d:00 UTC", day, hourOfWeek % 24);
    }

    /** Tuesday 10:00 UTC: the answer when nothing tells one hour from another. */
    static final int DEFAULT_HOUR = 34;

    private static int best(double[] weights) {
        int best = DEFAULT_HOUR;
        for (int hour = 0; hour < weights.length; hour++) {
            if (weights[hour] > weights[best]) {
                best = hour;
            }
        }
        return best;
    }

    private static double[] uniform() {
        double[] shares = new double[CustomerFeatures.HOURS_OF_WEEK];
        java.util.Arrays.fill(shares, 1.0 / shares.length);
        return shares;
    }
}
