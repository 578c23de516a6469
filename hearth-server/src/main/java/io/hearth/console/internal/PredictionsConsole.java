package io.hearth.console.internal;

import io.hearth.predictions.CustomerPredictions;
import io.hearth.predictions.DriftAlert;
import io.hearth.predictions.DriftReport;
import io.hearth.predictions.Factor;
import io.hearth.predictions.ModelCalibration;
import io.hearth.predictions.ModelKind;
import io.hearth.predictions.ModelVersion;
import io.hearth.predictions.Prediction;
import io.hearth.predictions.PredictionManagement;
import io.hearth.shared.CustomerId;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.TenantId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Predictions in the console: a card on the customer 360 page (loaded by htmx so a slow score never
 * holds up the page) and the models page with the registry, calibration and drift.
 */
@Controller
class PredictionsConsole {

    private final PredictionManagement predictions;

    PredictionsConsole(PredictionManagement predictions) {
        this.predictions = predictions;
    }

    @GetMapping("/console/customers/{customerId}/predictions")
    String customer(@AuthenticationPrincipal ConsoleUser user, @PathVariable String customerId, Model model) {
        try {
            CustomerPredictions scores = predictions.forCustomer(user.tenantId(), CustomerId.of(customerId));
            model.addAttribute("rows", rows(scores));
        } catch (HearthProblem unknown) {
            model.addAttribute("rows", List.of());
        }
        return "console/predictions :: customer-predictions";
    }

    @GetMapping("/console/models")
    String models(@AuthenticationPrincipal ConsoleUser user, Model model) {
        TenantId tenant = user.tenantId();
        List<VersionRow> versions = new ArrayList<>();
        for (ModelKind kind : ModelKind.values()) {
            predictions.versions(tenant, kind, 5).forEach(version -> versions.add(VersionRow.of(version)));
        }
        model.addAttribute("tenant", tenant);
        model.addAttribute("versions", versions);
        Optional<ModelCalibration> calibration = predictions.calibration(tenant);
        model.addAttribute("calibration", calibration.map(Charts::calibration));
        model.addAttribute("churnCalibration", calibration.flatMap(Charts::churnCalibration));
        // Measured before the alerts are listed: a measurement over the threshold raises one now.
        model.addAttribute("drift", predictions.drift(tenant).map(Charts::drift));
        model.addAttribute(
                "alerts",
                predictions.driftAlerts(tenant, 10).stream().map(AlertRow::of).toList());
        return "console/models";
    }

    private static List<ScoreRow> rows(CustomerPredictions scores) {
        List<ScoreRow> rows = new ArrayList<>();
        scores.lifetimeValue().ifPresent(p -> rows.add(ScoreRow.of("lifetime-value", "Lifetime value", p, "%.2f")));
        scores.probabilityAlive().ifPresent(p -> rows.add(ScoreRow.of("probability-alive", "P(alive)", p, "%.3f")));
        scores.expectedPurchases()
                .ifPresent(p -> rows.add(ScoreRow.of("expected-purchases", "Expected purchases", p, "%.2f")));
        rows.add(ScoreRow.of("churn-risk", "Churn risk", scores.churnRisk(), "%.3f"));
        rows.add(ScoreRow.of("health", "Health", scores.health(), "%.1f"));
        scores.nextPurchase().ifPresent(p -> rows.add(ScoreRow.of("next-purchase", "Next purchase", p, "%.0f")));
        rows.add(ScoreRow.of("best-send-time", "Best send time", scores.bestSendTime(), "%.0f"));
        scores.earlyWarning().ifPresent(p -> rows.add(ScoreRow.of("early-warning", "Early warning", p, "%.3f")));
        for (int i = 0; i < scores.replenishments().size(); i++) {
            rows.add(ScoreRow.of(
                    "replenishment-" + i, "Buys again", scores.replenishments().get(i), "%.0f"));
        }
        for (int i = 0; i < scores.nextNeeds().size(); i++) {
            rows.add(ScoreRow.of(
                    "next-need-" + i, "Next need", scores.nextNeeds().get(i), "%.3f"));
        }
        return rows;
    }

    /** One score as the card shows it. */
    record ScoreRow(String id, String name, String value, String unit, String explanation, String model) {

        static ScoreRow of(String id, String name, Prediction prediction, String format) {
            String value = prediction.label() != null
                    ? prediction.label()
                    : String.format(Locale.ROOT, format, prediction.value());
            String explanation = prediction.explanation().stream()
                    .limit(3)
                    .map(ScoreRow::factor)
                    .collect(Collectors.joining("; "));
            String model = prediction.modelVersion() + (prediction.fallback() ? " (rules)" : "");
            return new ScoreRow(id, name, value, prediction.unit(), explanation, model);
        }

        private static String factor(Factor factor) {
            return String.format(Locale.ROOT, "%s %.2f (%+.2f)", factor.name(), factor.value(), factor.effect());
        }
    }

    /** One registry version as the models page lists it. */
    record VersionRow(
            String id,
            String status,
            String trained,
            String window,
            long customers,
            long transactions,
            String figures) {

        static VersionRow of(ModelVersion version) {
            String figures = version.metrics().entrySet().stream()
                    .sorted(java.util.Map.Entry.comparingByKey())
                    .map(e -> String.format(Locale.ROOT, "%s=%.4g", e.getKey(), e.getValue()))
                    .collect(Collectors.joining(" "));
            return new VersionRow(
                    version.id(),
                    version.good() ? "good" : "not served: " + version.reason(),
                    ConsoleFormat.time(version.trainedAt()),
                    ConsoleFormat.time(version.windowStart()) + " – " + ConsoleFormat.time(version.windowEnd()),
                    version.customers(),
                    version.transactions(),
                    figures);
        }
    }

    /** One drift alert as the models page lists it. */
    record AlertRow(String raised, String version, String feature, String psi) {

        static AlertRow of(DriftAlert alert) {
            return new AlertRow(
                    ConsoleFormat.time(alert.raisedAt()),
                    alert.modelVersion(),
                    alert.feature(),
                    String.format(Locale.ROOT, "%.3f > %.2f", alert.psi(), alert.threshold()));
        }
    }

    /** Chart figures as comma-separated lists for the page's data attributes. */
    record Charts(String version, String labels, String first, String second) {

        static Charts calibration(ModelCalibration calibration) {
            List<ModelCalibration.PurchasesRow> rows = calibration.purchases();
            return new Charts(
                    calibration.lifetimeValueVersion().orElse("none"),
                    rows.stream()
                            .map(r -> r.frequency() == 7 ? "7+" : String.valueOf(r.frequency()))
                            .collect(Collectors.joining(",")),
                    csv(rows.stream()
                            .mapToDouble(ModelCalibration.PurchasesRow::actualMean)
                            .toArray()),
                    csv(rows.stream()
                            .mapToDouble(ModelCalibration.PurchasesRow::predictedMean)
                            .toArray()));
        }

        /**
         * The churn version's calibration bins: mean predicted risk (labels) against the observed churn
         * rate (first) and the customers per bin (second); empty without bins.
         */
        static Optional<Charts> churnCalibration(ModelCalibration calibration) {
            List<ModelCalibration.RiskBin> bins = calibration.churn();
            if (bins.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Charts(
                    calibration.churnVersion().orElse("none"),
                    csv(bins.stream()
                            .mapToDouble(ModelCalibration.RiskBin::meanPredicted)
                            .toArray()),
                    csv(bins.stream()
                            .mapToDouble(ModelCalibration.RiskBin::observedRate)
                            .toArray()),
                    bins.stream().map(bin -> String.valueOf(bin.customers())).collect(Collectors.joining(","))));
        }

        static Charts drift(DriftReport report) {
            return new Charts(
                    report.modelVersion(),
                    report.entries().stream().map(DriftReport.Entry::feature).collect(Collectors.joining(",")),
                    csv(report.entries().stream()
                            .mapToDouble(DriftReport.Entry::psi)
                            .toArray()),
                    String.valueOf(report.threshold()));
        }

        private static String csv(double[] values) {
            return Arrays.stream(values)
                    .mapToObj(v -> String.format(Locale.ROOT, "%.4f", v))
                    .collect(Collectors.joining(","));
        }
    }
}
