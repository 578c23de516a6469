package io.hearth.predictions.internal;

import io.hearth.ml.clv.BgNbdModel;
import io.hearth.ml.clv.CustomerSummary;
import io.hearth.ml.clv.CustomerSummaryBuilder;
import io.hearth.ml.clv.GammaGammaModel;
import io.hearth.ml.clv.GroupedStatistics;
import io.hearth.ml.clv.ModelFit;
import io.hearth.ml.clv.PeriodUnit;
import io.hearth.ml.clv.SufficientStatistics;
import io.hearth.ml.clv.Transaction;
import io.hearth.predictions.internal.ClvArtefact.CalibrationRow;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Fits BG/NBD and Gamma-Gamma on a tenant's orders twice: once on the window minus a holdout, to
 * measure predicted against actual purchases after the cut-off, and once on the whole window, which
 * is the version that serves.
 */
final class ClvTraining {

    static final PeriodUnit UNIT = PeriodUnit.WEEKS;
    private static final int GROUPS = 8;

    private final PredictionSettings settings;

    ClvTraining(PredictionSettings settings) {
        this.settings = settings;
    }

    Trained<ClvArtefact> train(TrainingSet data) {
        List<Transaction> transactions = transactions(data);
        LocalDate end = LocalDate.ofInstant(data.windowEnd(), ZoneOffset.UTC);
        LocalDate start = LocalDate.ofInstant(data.windowStart(), ZoneOffset.UTC);
        long holdoutDays = Math.min(settings.holdout().toDays(), (end.toEpochDay() - start.toEpochDay()) / 3);
        Map<String, Double> metrics = new LinkedHashMap<>();
        List<CalibrationRow> calibration =
                holdoutDays >= 7 ? holdout(transactions, end.minusDays(holdoutDays), end, metrics) : List.of();
        List<CustomerSummary> customers = new CustomerSummaryBuilder(end, end, UNIT).build(transactions);
        List<CustomerSummary> repeat =
                customers.stream().filter(CustomerSummary::hasRepeatSpend).toList();
        metrics.put("customers", (double) customers.size());
        metrics.put("repeat_buyers", (double) repeat.size());
        String tooSmall = tooSmall(customers.size(), repeat.size());
        if (tooSmall != null) {
            return new Trained<>(empty(calibration), metrics, Map.of(), tooSmall);
        }
        ModelFit<BgNbdModel> purchases = BgNbdModel.fit(statistics(customers));
        ModelFit<GammaGammaModel> spend =
                GammaGammaModel.fit(repeat.stream().map(CustomerSummary::spend).toList());
        metrics.put("bgnbd_log_likelihood", purchases.logLikelihood());
        metrics.put("bgnbd_iterations", (double) purchases.iterations());
        metrics.put("bgnbd_converged", purchases.converged() ? 1.0 : 0.0);
        metrics.put("gammagamma_converged", spend.converged() ? 1.0 : 0.0);
        metrics.put("gammagamma_log_likelihood", spend.logLikelihood());
        ClvArtefact artefact = artefact(purchases.model(), spend.model(), customers, calibration);
        return new Trained<>(artefact, metrics, parameters(artefact), problems(purchases, spend));
    }

    private List<CalibrationRow> holdout(
            List<Transaction> transactions, LocalDate cutOff, LocalDate end, Map<String, Double> metrics) {
        List<CustomerSummary> customers = new CustomerSummaryBuilder(cutOff, end, UNIT).build(transactions);
        if (customers.size() < settings.minCustomers()
                || customers.stream().filter(CustomerSummary::isRepeatBuyer).count() < settings.minRepeatBuyers()) {
            return List.of();
        }
        BgNbdModel model = BgNbdModel.fit(statistics(customers)).model();
        double weeks = UNIT.fromDays(end.toEpochDay() - cutOff.toEpochDay());
        long[] counts = new long[GROUPS];
        double[] actual = new double[GROUPS];
        double[] predicted = new double[GROUPS];
        for (CustomerSummary customer : customers) {
            int group = Math.min(customer.statistics().frequency(), GROUPS - 1);
            counts[group]++;
            actual[group] += customer.holdoutTransactions();
            predicted[group] += model.conditionalExpectedPurchases(weeks, customer.statistics());
        }
        double actualTotal = java.util.Arrays.stream(actual).sum();
        double predictedTotal = java.util.Arrays.stream(predicted).sum();
        metrics.put("holdout_weeks", weeks);
        metrics.put("holdout_actual_purchases", actualTotal);
        metrics.put("holdout_predicted_purchases", predictedTotal);
        metrics.put("holdout_error_ratio", actualTotal == 0 ? 0 : (predictedTotal - actualTotal) / actualTotal);
        List<CalibrationRow> rows = new ArrayList<>();
        for (int group = 0; group < GROUPS; group++) {
            if (counts[group] > 0) {
                rows.add(new CalibrationRow(
                        group, counts[group], actual[group] / counts[group], predicted[group] / counts[group]));
            }
        }
        return rows;
    }

    private @Nullable String tooSmall(int customers, int repeatBuyers) {
        if (customers < settings.minCustomers()) {
            return customers + " customers with orders, fewer than hearth.predictions.min-customers ("
                    + settings.minCustomers() + ")";
        }
        if (repeatBuyers < settings.minRepeatBuyers()) {
            return repeatBuyers + " repeat buyers, fewer than hearth.predictions.min-repeat-buyers ("
                    + settings.minRepeatBuyers() + ")";
        }
        return null;
    }

    private static @Nullable String problems(ModelFit<BgNbdModel> purchases, ModelFit<GammaGammaModel> spend) {
        var bgnbd = purchases.model().parameters();
        var gamma = spend.model().parameters();
        // Small shops often leave one parameter drifting along a flat ridge (b toward infinity: nobody
        // seems to drop out); the optimizer then stops without converging, yet the forecasts are sound.
        // Only parameters that are not finite make a version unusable; convergence is kept as a metric.
        double[] all = {bgnbd.r(), bgnbd.alpha(), bgnbd.a(), bgnbd.b(), gamma.p(), gamma.q(), gamma.gamma()};
        if (!java.util.Arrays.stream(all).allMatch(Double::isFinite)) {
            return "the fit diverged";
        }
        if (bgnbd.a() + bgnbd.b() <= 1) {
            return "BG/NBD a + b <= 1: forecasts are undefined";
        }
        if (spend.model().parameters().q() <= 1) {
            return "Gamma-Gamma q <= 1: expected spend is infinite";
        }
        return null;
    }

    private static ClvArtefact artefact(
            BgNbdModel purchases,
            GammaGammaModel spend,
            List<CustomerSummary> customers,
            List<CalibrationRow> calibration) {
        var b = purchases.parameters();
        var g = spend.parameters();
        return new ClvArtefact(
                b.r(),
                b.alpha(),
                b.a(),
                b.b(),
                g.p(),
                g.q(),
                g.gamma(),
                typical(customers),
                spend.populationMeanSpend(),
                calibration,
                ClvDrift.baselines(purchases, customers));
    }

    private static ClvArtefact empty(List<CalibrationRow> calibration) {
        return new ClvArtefact(0, 0, 0, 0, 0, 0, 0, new SufficientStatistics(0, 0, 0), 0, calibration, List.of());
    }

    /** The median customer: the one explanations compare each customer with. */
    private static SufficientStatistics typical(List<CustomerSummary> customers) {
        double frequency =
                median(customers.stream().mapToDouble(c -> c.statistics().frequency()));
        double age = median(customers.stream().mapToDouble(c -> c.statistics().age()));
        double gap = median(customers.stream()
                .mapToDouble(c -> c.statistics().age() - c.statistics().recency()));
        int x = (int) Math.round(frequency);
        return new SufficientStatistics(x, x == 0 ? 0 : Math.max(0, age - Math.min(gap, age)), age);
    }

    private static double median(java.util.stream.DoubleStream values) {
        return CustomerFeatures.median(values.boxed().toList()).orElse(0.0);
    }

    private static Map<String, Double> parameters(ClvArtefact artefact) {
        Map<String, Double> parameters = new LinkedHashMap<>();
        parameters.put("bgnbd_r", artefact.r());
        parameters.put("bgnbd_alpha", artefact.alpha());
        parameters.put("bgnbd_a", artefact.a());
        parameters.put("bgnbd_b", artefact.b());
        parameters.put("gammagamma_p", artefact.p());
        parameters.put("gammagamma_q", artefact.q());
        parameters.put("gammagamma_gamma", artefact.gamma());
        return parameters;
    }

    static GroupedStatistics statistics(List<CustomerSummary> customers) {
        return GroupedStatistics.of(
                customers.stream().map(CustomerSummary::statistics).toList());
    }

    static List<Transaction> transactions(TrainingSet data) {
        List<Transaction> transactions = new ArrayList<>();
        for (PurchaseHistory history : data.customers()) {
            transactions.addAll(transactions(history));
        }
        return transactions;
    }

    static List<Transaction> transactions(PurchaseHistory history) {
        String id = history.customer().value();
        return history.purchases().stream()
                .map(p -> new Transaction(id, LocalDate.ofInstant(p.at(), ZoneOffset.UTC), p.amount()))
                .toList();
    }
}
