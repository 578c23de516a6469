package io.hearth.predictions.internal;

import io.hearth.ml.sendtime.SendTime;
import io.hearth.ml.sendtime.SendTimeModel;
import io.hearth.predictions.Factor;
import io.hearth.predictions.ModelKind;
import io.hearth.predictions.Prediction;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Best send time from hearth-ml's empirical-Bayes {@link SendTimeModel}: the shop's hour-of-week
 * profile is the prior, the customer's own engagement events (from the profile timeline) and
 * purchases the evidence, smoothed over neighbouring hours. Without a version the rules answer.
 */
@Component
class SendTimePort implements ModelPort<SendTimeArtefact> {

    /** Own events that weigh as much as the shop's profile; hearth-ml's evaluated default. */
    static final double PRIOR_EVENTS = 10;
    // Monday 1970-01-05 00:00 UTC: instants from hour-of-week counts, the only thing the model reads.
    private static final Instant MONDAY = Instant.parse("1970-01-05T00:00:00Z");

    private final SendTimeRules rules;

    SendTimePort(SendTimeRules rules) {
        this.rules = rules;
    }

    @Override
    public ModelKind kind() {
        return ModelKind.SEND_TIME;
    }

    @Override
    public String codeVersion() {
        return "hearth-ml-send-time-eb/1";
    }

    @Override
    public Trained<SendTimeArtefact> train(TrainingSet data) {
        Trained<SendTimeArtefact> byRules = rules.train(data);
        List<Instant> all = new ArrayList<>();
        data.customers().forEach(h -> h.purchases().forEach(p -> all.add(p.at())));
        if (all.isEmpty()) {
            return byRules;
        }
        SendTimeModel model = SendTimeModel.fit(all, PRIOR_EVENTS, ZoneOffset.UTC);
        Map<String, Double> parameters = new java.util.LinkedHashMap<>(byRules.parameters());
        parameters.remove("prior_weight");
        parameters.put("prior_events", PRIOR_EVENTS);
        return new Trained<>(
                new SendTimeArtefact(model.populationShares()), byRules.metrics(), parameters, byRules.reason());
    }

    @Override
    public byte[] write(SendTimeArtefact model) {
        return rules.write(model);
    }

    @Override
    public SendTimeArtefact read(byte[] artefact) {
        return rules.read(artefact);
    }

    @Override
    public Map<Output, Prediction> score(Optional<Serving<SendTimeArtefact>> model, CustomerFeatures customer) {
        if (model.isEmpty()) {
            return rules.score(model, customer);
        }
        SendTimeModel fitted = SendTimeModel.of(model.get().model().populationShares(), PRIOR_EVENTS, ZoneOffset.UTC);
        SendTime best = fitted.recommend(customer.customer().value(), ownEvents(customer));
        int hour = best.hourOfWeek();
        List<Factor> factors = List.of(
                new Factor("own_events", best.events(), best.ownWeight(), "the customer's events and purchases"),
                new Factor(
                        "own_weight",
                        best.ownWeight(),
                        best.ownWeight(),
                        "weight of their own habit against the shop's (the rest is the shop's profile)"),
                new Factor(
                        "share_at_hour",
                        best.probability(),
                        best.probability(),
                        "their smoothed posterior share of engagement in this hour"));
        Map<Output, Prediction> scores = new EnumMap<>(Output.class);
        scores.put(
                Output.BEST_SEND_TIME,
                new Prediction(
                        hour,
                        SendTimeRules.label(hour),
                        "hour-of-week",
                        factors,
                        model.get().version().id(),
                        false));
        return scores;
    }

    /** Engagement events and purchases as instants in one reference week, by their hour of the week. */
    private static List<Instant> ownEvents(CustomerFeatures customer) {
        List<Instant> events = new ArrayList<>();
        int[] hours = customer.engagementByHour();
        for (int hour = 0; hour < hours.length; hour++) {
            for (int i = 0; i < hours[hour]; i++) {
                events.add(MONDAY.plusSeconds(3600L * hour));
            }
        }
        customer.history().purchases().forEach(p -> events.add(p.at()));
        return events;
    }
}
