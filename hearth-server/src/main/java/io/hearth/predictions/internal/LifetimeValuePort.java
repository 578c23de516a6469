package io.hearth.predictions.internal;

import io.hearth.ml.clv.BgNbdModel;
import io.hearth.ml.clv.CustomerLifetimeValue;
import io.hearth.ml.clv.CustomerSummary;
import io.hearth.ml.clv.CustomerSummaryBuilder;
import io.hearth.ml.clv.SufficientStatistics;
import io.hearth.predictions.Factor;
import io.hearth.predictions.ModelKind;
import io.hearth.predictions.Prediction;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.springframework.stereotype.Component;

/**
 * Lifetime value, P(alive) and expected purchases from hearth-ml's BG/NBD and Gamma-Gamma. Each
 * explanation factor is what the score would lose or gain if that input were the typical customer's.
 * Without a trained version the rules answer: the customer's own yearly spend rate over the horizon.
 */
@Component
class LifetimeValuePort implements ModelPort<ClvArtefact> {

    static final String RULES_VERSION = "clv-rules@1";

    private final PredictionSettings settings;
    private final ClvTraining training;

    LifetimeValuePort(PredictionSettings settings) {
        this.settings = settings;
        this.training = new ClvTraining(settings);
    }

    @Override
    public ModelKind kind() {
        return ModelKind.CLV;
    }

    @Override
    public String codeVersion() {
        return "bgnbd-gammagamma/1";
    }

    @Override
    public Trained<ClvArtefact> train(TrainingSet data) {
        return training.train(data);
    }

    @Override
    public byte[] write(ClvArtefact model) {
        return Artefacts.write(model);
    }

    @Override
    public ClvArtefact read(byte[] artefact) {
        return Artefacts.read(artefact, ClvArtefact.class);
    }

    @Override
    public Map<Output, Prediction> score(Optional<Serving<ClvArtefact>> model, CustomerFeatures customer) {
        Map<Output, Prediction> scores = new EnumMap<>(Output.class);
        if (!customer.hasOrders()) {
            return scores;
        }
        if (model.isEmpty()) {
            scores.put(Output.LIFETIME_VALUE, rules(customer));
            return scores;
        }
        ClvArtefact artefact = model.get().model();
        String version = model.get().version().id();
        CustomerSummary summary = summary(customer);
        BgNbdModel purchases = artefact.purchases();
        double weeks = settings.horizonMonths() * ClvTraining.UNIT.periodsPerMonth();
        scores.put(
                Output.PROBABILITY_ALIVE,
                explained(summary, artefact, version, "probability", s -> purchases.probabilityAlive(s.statistics())));
        scores.put(
                Output.EXPECTED_PURCHASES,
                explained(
                        summary,
                        artefact,
                        version,
                        "purchases",
                        s -> purchases.conditionalExpectedPurchases(weeks, s.statistics())));
        CustomerLifetimeValue value = new CustomerLifetimeValue(
                purchases, artefact.spend(), ClvTraining.UNIT, settings.monthlyDiscountRate());
        scores.put(
                Output.LIFETIME_VALUE,
                explained(summary, artefact, version, "money", s -> value.expectedValue(s, settings.horizonMonths())));
        return scores;
    }

    static CustomerSummary summary(CustomerFeatures customer) {
        LocalDate day = LocalDate.ofInstant(customer.asOf(), ZoneOffset.UTC);
        return new CustomerSummaryBuilder(day, day, ClvTraining.UNIT)
                .build(ClvTraining.transactions(customer.history()))
                .getFirst();
    }

    private static Prediction explained(
            CustomerSummary summary,
            ClvArtefact artefact,
            String version,
            String unit,
            ToDoubleFunction<CustomerSummary> output) {
        double actual = output.applyAsDouble(summary);
        SufficientStatistics own = summary.statistics();
        SufficientStatistics typical = artefact.typical();
        double ownGap = own.age() - own.recency();
        List<Factor> factors = new ArrayList<>();
        factors.add(factor(
                "repeat_purchases",
                own.frequency(),
                actual,
                output,
                with(summary, typical.frequency(), ownGap, own.age()),
                "repeat purchases in the window (typical: " + typical.frequency() + ")"));
        double typicalGap = typical.age() - typical.recency();
        factors.add(factor(
                "weeks_since_last_purchase",
                ownGap,
                actual,
                output,
                with(summary, own.frequency(), typicalGap, own.age()),
                String.format(java.util.Locale.ROOT, "weeks since the last purchase (typical: %.1f)", typicalGap)));
        factors.add(factor(
                "weeks_as_customer",
                own.age(),
                actual,
                output,
                with(summary, own.frequency(), ownGap, typical.age()),
                String.format(java.util.Locale.ROOT, "weeks since the first purchase (typical: %.1f)", typical.age())));
        if (unit.equals("money")) {
            CustomerSummary typicalSpend = new CustomerSummary(summary.customerId(), own, artefact.typicalSpend(), 0);
            factors.add(factor(
                    "mean_repeat_spend",
                    summary.meanRepeatSpend(),
                    actual,
                    output,
                    typicalSpend,
                    String.format(
                            java.util.Locale.ROOT,
                            "mean repeat order value (typical: %.2f)",
                            artefact.typicalSpend())));
        }
        factors.sort(
                Comparator.comparingDouble((Factor f) -> Math.abs(f.effect())).reversed());
        return new Prediction(actual, null, unit, factors, version, false);
    }

    private static Factor factor(
            String name,
            double value,
            double actual,
            ToDoubleFunction<CustomerSummary> output,
            CustomerSummary counterfactual,
            String detail) {
        return new Factor(name, value, actual - output.applyAsDouble(counterfactual), detail);
    }

    /** The customer with one input replaced, kept valid (0 ≤ recency ≤ age, no recency without repeats). */
    private static CustomerSummary with(CustomerSummary summary, int frequency, double gap, double age) {
        double recency = frequency == 0 ? 0 : Math.max(0, age - Math.min(gap, age));
        return new CustomerSummary(
                summary.customerId(), new SufficientStatistics(frequency, recency, age), summary.meanRepeatSpend(), 0);
    }

    /** Yearly spend so far, over the horizon: transparent, and honest about knowing nothing of churn. */
    private Prediction rules(CustomerFeatures customer) {
        double spent = customer.history().purchases().stream()
                .mapToDouble(Purchase::amount)
                .sum();
        double tenureDays = Math.max(
                30,
                CustomerFeatures.days(customer.history().purchases().getFirst().at(), customer.asOf()));
        double perMonth = spent / (tenureDays / 30.0);
        double value = perMonth * settings.horizonMonths();
        return new Prediction(
                value,
                null,
                "money",
                List.of(
                        new Factor("spend_per_month", perMonth, value, "spend per month since the first purchase"),
                        new Factor("months_as_customer", tenureDays / 30.0, 0, "months since the first purchase")),
                RULES_VERSION,
                true);
    }
}
