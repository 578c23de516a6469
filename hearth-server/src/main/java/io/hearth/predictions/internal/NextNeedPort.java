package io.hearth.predictions.internal;

import io.hearth.ml.rules.SequentialRule;
import io.hearth.ml.rules.SequentialRuleSettings;
import io.hearth.ml.rules.SequentialRules;
import io.hearth.predictions.Factor;
import io.hearth.predictions.ModelKind;
import io.hearth.predictions.Prediction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Next needs from hearth-ml's {@link SequentialRules}: "customers who bought A first bought B within N
 * days", mined on every customer's order lines at training. A customer is offered B while their last
 * purchase of A is at most N days old and they never bought B; the rules with the highest confidence
 * come first. Without a good version there are no next needs (no rule can be guessed).
 */
@Component
class NextNeedPort implements ModelPort<NextNeedArtefact> {

    private final NextNeedSettings settings;
    private final PredictionSettings predictions;

    NextNeedPort(NextNeedSettings settings, PredictionSettings predictions) {
        this.settings = settings;
        this.predictions = predictions;
    }

    @Override
    public ModelKind kind() {
        return ModelKind.NEXT_NEED;
    }

    @Override
    public String codeVersion() {
        return "hearth-ml-sequential-rules/1";
    }

    @Override
    public Trained<NextNeedArtefact> train(TrainingSet data) {
        List<io.hearth.ml.replenish.Purchase> lines = new ArrayList<>();
        Set<String> buyers = new HashSet<>();
        Set<String> products = new HashSet<>();
        for (PurchaseHistory history : data.customers()) {
            for (Purchase purchase : history.purchases()) {
                if (purchase.refunded()) {
                    continue;
                }
                for (String product : purchase.products()) {
                    lines.add(new io.hearth.ml.replenish.Purchase(
                            history.customer().value(), product, purchase.at()));
                    buyers.add(history.customer().value());
                    products.add(product);
                }
            }
        }
        if (lines.isEmpty()) {
            throw new IllegalStateException("no order lines with product ids");
        }
        List<SequentialRule> rules = SequentialRules.mine(
                lines,
                new SequentialRuleSettings(settings.window(), settings.minCustomers(), settings.minConfidence()));
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("rules", (double) rules.size());
        metrics.put("customers_with_lines", (double) buyers.size());
        metrics.put("products", (double) products.size());
        metrics.put("order_lines", (double) lines.size());
        if (!rules.isEmpty()) {
            metrics.put("top_lift", rules.getFirst().lift());
            metrics.put(
                    "mean_confidence",
                    rules.stream()
                            .mapToDouble(SequentialRule::confidence)
                            .average()
                            .orElse(0));
        }
        Map<String, Double> parameters = new LinkedHashMap<>();
        parameters.put("window_days", (double) settings.window().toDays());
        parameters.put("min_customers", (double) settings.minCustomers());
        parameters.put("min_confidence", settings.minConfidence());
        return new Trained<>(
                new NextNeedArtefact(settings.window().toDays(), rules), metrics, parameters, reason(buyers, rules));
    }

    private String reason(Set<String> buyers, List<SequentialRule> rules) {
        if (buyers.size() < predictions.minCustomers()) {
            return "only " + buyers.size() + " customers with order lines (min-customers " + predictions.minCustomers()
                    + ")";
        }
        return rules.isEmpty() ? "no rule met min-customers and min-confidence" : null;
    }

    @Override
    public byte[] write(NextNeedArtefact model) {
        return Artefacts.write(model);
    }

    @Override
    public NextNeedArtefact read(byte[] artefact) {
        return Artefacts.read(artefact, NextNeedArtefact.class);
    }

    /** Next needs are a list, served by {@link #needs}; this port adds no single-valued output. */
    @Override
    public Map<Output, Prediction> score(Optional<Serving<NextNeedArtefact>> model, CustomerFeatures customer) {
        return Map.of();
    }

    /** The customer's next needs, likeliest first; empty without a good version or a fitting rule. */
    List<Prediction> needs(Optional<Serving<NextNeedArtefact>> model, CustomerFeatures customer) {
        if (model.isEmpty()) {
            return List.of();
        }
        Map<String, Instant> lastBought = lastBought(customer);
        Duration window = Duration.ofDays(model.get().model().windowDays());
        Map<String, SequentialRule> best = new HashMap<>();
        for (SequentialRule rule : model.get().model().rules()) {
            Instant boughtA = lastBought.get(rule.antecedent());
            boolean fresh = boughtA != null && !boughtA.plus(window).isBefore(customer.asOf());
            if (fresh && !lastBought.containsKey(rule.consequent())) {
                best.merge(rule.consequent(), rule, NextNeedPort::likelier);
            }
        }
        return best.values().stream()
                .sorted(Comparator.comparingDouble(SequentialRule::confidence)
                        .thenComparingDouble(SequentialRule::lift)
                        .reversed()
                        .thenComparing(SequentialRule::consequent))
                .limit(settings.served())
                .map(rule -> need(rule, lastBought.get(rule.antecedent()), customer, model.get()))
                .toList();
    }

    private static SequentialRule likelier(SequentialRule a, SequentialRule b) {
        return b.confidence() > a.confidence() ? b : a;
    }

    private static Map<String, Instant> lastBought(CustomerFeatures customer) {
        Map<String, Instant> last = new HashMap<>();
        for (Purchase purchase : customer.history().purchases()) {
            if (!purchase.refunded()) {
                purchase.products()
                        .forEach(product -> last.merge(product, purchase.at(), (a, b) -> a.isAfter(b) ? a : b));
            }
        }
        return last;
    }

    private static Prediction need(
            SequentialRule rule, Instant boughtA, CustomerFeatures customer, Serving<NextNeedArtefact> model) {
        long window = model.model().windowDays();
        double daysAgo = CustomerFeatures.days(boughtA, customer.asOf());
        List<Factor> factors = List.of(
                new Factor(
                        "confidence",
                        rule.confidence(),
                        rule.confidence(),
                        String.format(
                                Locale.ROOT,
                                "%d of the customers who bought %s first bought %s within %d days",
                                rule.customers(),
                                rule.antecedent(),
                                rule.consequent(),
                                window)),
                new Factor(
                        "lift",
                        rule.lift(),
                        0,
                        "confidence over the share of all customers who ever bought " + rule.consequent()),
                new Factor("support", rule.support(), 0, "share of all customers who followed the rule"),
                new Factor(
                        "days_since_antecedent",
                        daysAgo,
                        0,
                        String.format(Locale.ROOT, "bought %s %.1f days ago", rule.antecedent(), daysAgo)));
        return new Prediction(
                rule.confidence(),
                rule.consequent(),
                "probability",
                factors,
                model.version().id(),
                false);
    }
}
