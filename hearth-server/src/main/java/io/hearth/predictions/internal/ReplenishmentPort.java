package io.hearth.predictions.internal;

import io.hearth.ml.replenish.IntervalPrior;
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
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Next purchase date from hearth-ml's {@link ReplenishmentModel}: log-normal intervals between
 * shopping trips with the shop's population as the prior, shrunk per customer, and the next date
 * conditional on no purchase since the last (so it is never in the past). The one "item" of {@code
 * nextPurchase} is any order; {@link #items} forecasts each product and category the customer bought
 * that the shop's customers buy again, with that item's prior shrunk toward all items'.
 */
@Component
class ReplenishmentPort implements ModelPort<ReplenishmentArtefact> {

    static final String ANY_ORDER = "any-order";
    static final String PRODUCT = "product:";
    static final String CATEGORY = "category:";
    private static final int MIN_ITEM_INTERVALS = 2;

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
        Optional<ReplenishmentModel> items = itemModel(data);
        metrics.put("items_with_priors", (double)
                items.map(m -> m.itemPriors().size()).orElse(0));
        ReplenishmentArtefact artefact = new ReplenishmentArtefact(
                prior,
                byRules.model(),
                items.map(ReplenishmentModel::itemPriors).orElse(Map.of()),
                items.map(ReplenishmentModel::globalPrior).orElse(null));
        return new Trained<>(artefact, metrics, parameters, byRules.reason());
    }

    /** Priors per product and category; empty when the orders have no lines or none was bought twice. */
    private static Optional<ReplenishmentModel> itemModel(TrainingSet data) {
        List<io.hearth.ml.replenish.Purchase> lines = new ArrayList<>();
        for (PurchaseHistory history : data.customers()) {
            for (Purchase purchase : history.purchases()) {
                if (!purchase.refunded()) {
                    itemsOf(purchase)
                            .forEach(item -> lines.add(new io.hearth.ml.replenish.Purchase(
                                    history.customer().value(), item, purchase.at())));
                }
            }
        }
        try {
            ReplenishmentModel model = ReplenishmentModel.fit(lines);
            // Items bought again by a single customer say little; they would only bloat the artefact.
            Map<String, IntervalPrior> kept = new HashMap<>();
            model.itemPriors().forEach((item, itemPrior) -> {
                if (itemPrior.intervals() >= MIN_ITEM_INTERVALS) {
                    kept.put(item, itemPrior);
                }
            });
            return Optional.of(ReplenishmentModel.of(kept, model.globalPrior()));
        } catch (IllegalArgumentException noRepeats) {
            return Optional.empty();
        }
    }

    private static List<String> itemsOf(Purchase purchase) {
        List<String> items = new ArrayList<>();
        purchase.products().forEach(product -> items.add(PRODUCT + product));
        purchase.categories().forEach(category -> items.add(CATEGORY + category));
        return items;
    }

    /**
     * When the customer will buy each product and category again that they bought and the shop has a
     * prior for, soonest first, at most {@code limit}; empty without a trained version.
     */
    List<Prediction> items(Optional<Serving<ReplenishmentArtefact>> model, CustomerFeatures customer, int limit) {
        if (model.isEmpty() || model.get().model().itemsGlobal() == null) {
            return List.of();
        }
        ReplenishmentArtefact artefact = model.get().model();
        Map<String, List<Instant>> bought = new HashMap<>();
        for (Purchase purchase : customer.history().purchases()) {
            if (!purchase.refunded()) {
                itemsOf(purchase)
                        .forEach(item -> bought.computeIfAbsent(item, key -> new ArrayList<>())
                                .add(purchase.at()));
            }
        }
        List<Map.Entry<ReplenishmentForecast, IntervalPrior>> forecasts = new ArrayList<>();
        bought.forEach((item, times) -> {
            IntervalPrior itemPrior = artefact.items().get(item);
            if (itemPrior != null) {
                ReplenishmentModel.of(Map.of(item, itemPrior), artefact.itemsGlobal())
                        .forecast(
                                customer.customer().value(),
                                item,
                                times,
                                customer.asOf().plusNanos(1))
                        .ifPresent(forecast -> forecasts.add(Map.entry(forecast, itemPrior)));
            }
        });
        return forecasts.stream()
                .sorted(Comparator.comparing((Map.Entry<ReplenishmentForecast, IntervalPrior> e) ->
                                e.getKey().expectedAt())
                        .thenComparing(e -> e.getKey().itemId()))
                .limit(limit)
                .map(e -> itemPrediction(e.getKey(), e.getValue(), customer, model.get()))
                .toList();
    }

    private static Prediction itemPrediction(
            ReplenishmentForecast forecast,
            IntervalPrior itemPrior,
            CustomerFeatures customer,
            Serving<ReplenishmentArtefact> model) {
        double daysUntil =
                Duration.between(customer.asOf(), forecast.expectedAt()).toMinutes() / 1440.0;
        String date = LocalDate.ofInstant(forecast.expectedAt(), ZoneOffset.UTC).toString();
        List<Factor> factors = List.of(
                new Factor(
                        "typical_interval_days",
                        forecast.typicalIntervalDays(),
                        forecast.typicalIntervalDays(),
                        "the customer's typical days between purchases of " + forecast.itemId()
                                + ", shrunk toward the shop's; expected on " + date),
                new Factor(
                        "own_weight",
                        forecast.ownWeight(),
                        forecast.ownWeight(),
                        "weight of their own intervals against the item's prior"),
                new Factor(
                        "item_median_interval_days",
                        itemPrior.medianDays(),
                        0,
                        "the shop's median interval for " + forecast.itemId() + " (" + itemPrior.intervals()
                                + " intervals)"),
                new Factor(
                        "latest_days",
                        Duration.between(customer.asOf(), forecast.latest()).toMinutes() / 1440.0,
                        0,
                        "upper quartile of the next purchase, days from now"));
        return new Prediction(
                daysUntil, forecast.itemId(), "days", factors, model.version().id(), false);
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
