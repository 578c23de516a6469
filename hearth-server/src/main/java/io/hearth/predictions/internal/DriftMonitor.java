package io.hearth.predictions.internal;

import io.hearth.ml.clv.CustomerSummary;
import io.hearth.predictions.DriftReport;
import io.hearth.predictions.PredictionDriftDetected;
import io.hearth.predictions.TrainingListener;
import io.hearth.shared.TenantId;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Population stability of the serving versions' features and scores, the training window's
 * distribution against every live customer now: the CLV inputs and P(alive) (against the training
 * sample stored with the version), churn risk, and health with its 90-day spend (see {@link
 * ScoreDrift}). Each figure is a gauge {@code hearth_predictions_drift_psi{tenant, feature}}; one over
 * the threshold publishes {@link PredictionDriftDetected} once per (version, feature).
 */
@Component
class DriftMonitor {

    private final HistoryReader histories;
    private final ModelRegistry registry;
    private final Watched watched;
    private final DriftStore store;
    private final Collaborators with;
    private final Map<String, AtomicReference<Double>> gauges = new ConcurrentHashMap<>();

    DriftMonitor(
            HistoryReader histories, ModelRegistry registry, Watched watched, DriftStore store, Collaborators with) {
        this.histories = histories;
        this.registry = registry;
        this.watched = watched;
        this.store = store;
        this.with = with;
    }

    /** One feature or score of one version: its training distribution and the live sample now. */
    private record Measured(String version, DriftBaseline baseline, double[] live) {}

    Optional<DriftReport> measure(TenantId tenant) {
        Optional<Serving<ClvArtefact>> value = registry.serving(tenant, watched.clv());
        Optional<Serving<ChurnArtefact>> risk = registry.serving(tenant, watched.churn());
        Optional<Serving<HealthArtefact>> health = registry.serving(tenant, watched.health());
        if (value.isEmpty() && risk.isEmpty() && health.isEmpty()) {
            return Optional.empty();
        }
        Instant now = with.clock().instant();
        List<PurchaseHistory> all = histories.all(tenant, TrainingListener.NONE);
        List<Measured> measured = new ArrayList<>();
        value.ifPresent(serving -> measured.addAll(clv(serving, all, now)));
        risk.ifPresent(serving ->
                measured.addAll(rebuilt(serving, at -> ScoreDrift.churn(watched.churn(), serving, all, at), now)));
        health.ifPresent(serving ->
                measured.addAll(rebuilt(serving, at -> ScoreDrift.health(watched.health(), serving, all, at), now)));
        List<DriftReport.Entry> entries = new ArrayList<>();
        double threshold = with.settings().driftThreshold();
        for (Measured one : measured) {
            entries.add(record(tenant, one, threshold, now));
        }
        String versions =
                measured.stream().map(Measured::version).distinct().collect(java.util.stream.Collectors.joining(","));
        return Optional.of(new DriftReport(versions, now, threshold, entries));
    }

    private static List<Measured> clv(Serving<ClvArtefact> serving, List<PurchaseHistory> all, Instant now) {
        List<CustomerSummary> live = all.stream()
                .map(history -> CustomerFeatures.ofHistory(history, now))
                .filter(CustomerFeatures::hasOrders)
                .map(LifetimeValuePort::summary)
                .toList();
        Map<String, double[]> samples = ClvDrift.samples(serving.model().purchases(), live);
        return serving.model().drift().stream()
                .map(baseline -> new Measured(
                        serving.version().id(), baseline, samples.getOrDefault(baseline.feature(), new double[0])))
                .toList();
    }

    /** Samples of the version's training window end as the baseline, against the same samples now. */
    private static List<Measured> rebuilt(
            Serving<?> serving, Function<Instant, Map<String, double[]>> samples, Instant now) {
        Map<String, double[]> training = samples.apply(serving.version().windowEnd());
        Map<String, double[]> live = samples.apply(now);
        return training.entrySet().stream()
                .map(entry -> new Measured(
                        serving.version().id(),
                        DriftBaseline.of(entry.getKey(), entry.getValue()),
                        live.getOrDefault(entry.getKey(), new double[0])))
                .toList();
    }

    private DriftReport.Entry record(TenantId tenant, Measured one, double threshold, Instant now) {
        DriftBaseline baseline = one.baseline();
        double psi = baseline.psi(one.live());
        gauge(tenant, baseline.feature()).set(psi);
        with.inTenant().run(tenant, () -> {
            if (store.record(tenant.value(), one.version(), baseline.feature(), psi, threshold, now)) {
                with.publisher()
                        .publishEvent(new PredictionDriftDetected(
                                tenant, one.version(), baseline.feature(), psi, threshold, now));
            }
        });
        return new DriftReport.Entry(
                baseline.feature(),
                one.version(),
                psi,
                Psi.list(baseline.edges()),
                Psi.list(baseline.shares()),
                Psi.list(Psi.shares(baseline.edges(), one.live())));
    }

    private AtomicReference<Double> gauge(TenantId tenant, String feature) {
        return gauges.computeIfAbsent(tenant + "/" + feature, key -> {
            AtomicReference<Double> value = new AtomicReference<>(0.0);
            Gauge.builder("hearth.predictions.drift.psi", value, AtomicReference::get)
                    .description("Population stability index of a feature or score: training window against live")
                    .tag("tenant", tenant.toString())
                    .tag("feature", feature)
                    .register(with.meters());
            return value;
        });
    }

    /** The ports of the kinds whose drift is watched. */
    @Component
    record Watched(LifetimeValuePort clv, ChurnPort churn, HealthPort health) {}

    /** The shared infrastructure, kept together to keep the constructor short. */
    @Component
    record Collaborators(
            Clock clock,
            PredictionSettings settings,
            InTenant inTenant,
            ApplicationEventPublisher publisher,
            MeterRegistry meters) {}
}
