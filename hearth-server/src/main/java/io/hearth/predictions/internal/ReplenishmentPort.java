package io.hearth.predictions.internal;

import io.hearth.ml.replenish.ReplenishmentForecast;
import io.hearth.ml.replenish.ReplenishmentModel;
import io.hearth.predictions.Factor;
import io.hearth.predictions.ModelKind;
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
 * Next purchase date from hearth-ml's {@link ReplenishmentModel}: log-normal intervals between
 * shopping trips with the shop's population as the prior, shrunk per customer, and the next date
 * conditional on no purchase since the last (so it is never in the past). The profiles facade has no
 * order lines, so the one "item" is any order; per product waits for lines in the facade.
 */
@Component
class ReplenishmentPort implements ModelPort<ReplenishmentArtefact> {

    static final String ANY_ORDER = "any-order";

    private final ReplenishmentRules rules;

    ReplenishmentPort(ReplenishmentRules rules) {
        this.rules = rules;
    }

    @Override
    public ModelKind kind() {
        return ModelKind.REPLENISHMENT;
    }

    @Override
    public String codeVersion() {
        return "hearth-ml-replenishment-lognormal/1";
    }

    @Override
    public Trained<ReplenishmentArtefact> train(TrainingSet data) {
        Trained<RhythmArtefact> byRules = rules.train(data);
        List<io.hearth.ml.replenish.Purchase> purchases = new ArrayList<>();
        data.customers()
                .forEach(history -> history.purchases().stream()
                        .filter(p -> !p.refunded())
                        .forEach(p -> purchases.add(new io.hearth.ml.replenish.Purchase(
                                history.customer().value(), ANY_ORDER, p.at()))));
        // Throws when nobody bought twice; the trainer records that as the version's reason.
        ReplenishmentModel model = ReplenishmentModel.fit(purchases);
        var prior = model.prior(ANY_ORDER);
        Map<String, Double> parameters = new LinkedHashMap<>(byRules.parameters());
        parameters.put("prior_median_interval_days", prior.medianDays());
        parameters.put("prior_between_variance", prior.betweenVariance());
        parameters.put("prior_within_variance", prior.withinVariance());
        Map<String, Double> metrics = new LinkedHashMap<>(byRules.metrics());
        metrics.put("intervals", (double) prior.intervals());
        return new Trained<>(new ReplenishmentArtefact(prior, byRules.model()), metrics, parameters, byRules.reason());
    }

    @Override
    public byte[] write(ReplenishmentArtefact model) {
        return Artefacts.write(model);
    }

    @Override
    public ReplenishmentArtefact read(byte[] artefact) {
        return Artefacts.read(artefact, ReplenishmentArtefact.class);
    }

    @Override
    public Map<Output, Prediction> score(Optional<Serving<ReplenishmentArtefact>> model, CustomerFeatures customer) {
        if (model.isEmpty()) {
            return rules.score(Optional.empty(), customer);
        }
        ReplenishmentModel fitted = ReplenishmentModel.of(
                Map.of(ANY_ORDER, model.get().model().prior()),
                model.get().model().prior());
        List<Instant> own = customer.history().purchases().stream()
                .filter(p -> !p.refunded())
                .map(Purchase::at)
                .toList();
        // The model reads purchases strictly before asOf; one placed at asOf is known and counts.
        Optional<ReplenishmentForecast> forecast = fitted.forecast(
                customer.customer().value(), ANY_ORDER, own, customer.asOf().plusNanos(1));
        Map<Output, Prediction> scores = new EnumMap<>(Output.class);
        forecast.ifPresent(f -> scores.put(Output.NEXT_PURCHASE, prediction(f, customer, model.get())));
        return scores;
    }

    private static Prediction prediction(
            ReplenishmentForecast forecast, CustomerFeatures customer, Serving<ReplenishmentArtefact> model) {
        double daysUntil =
                Duration.between(customer.asOf(), forecast.expectedAt()).toMinutes() / 1440.0;
        List<Factor> factors = List.of(
                new Factor(
                        "typical_interval_days",
                        forecast.typicalIntervalDays(),
                        forecast.typicalIntervalDays(),
                        "the customer's typical days between trips, shrunk toward the shop's"),
                new Factor(
                        "own_weight",
                        forecast.ownWeight(),
                        forecast.ownWeight(),
                        "weight of their own intervals against the shop's prior"),
                new Factor(
                        "shop_median_interval_days",
                        model.model().prior().medianDays(),
                        0,
                        "the shop's median interval, the prior"),
                new Factor(
                        "latest_days",
                        Duration.between(customer.asOf(), forecast.latest()).toMinutes() / 1440.0,
                        0,
                        "upper quartile of the next purchase, days from now"));
        String label =
                LocalDate.ofInstant(forecast.expectedAt(), ZoneOffset.UTC).toString();
        return new Prediction(daysUntil, label, "days", factors, model.version().id(), false);
    }
}
