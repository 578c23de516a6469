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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Population stability of the serving CLV version's features and P(alive): the training window's
 * distribution against every live customer now. Each figure is a gauge
 * {@code hearth_predictions_drift_psi{tenant, feature}}; one over the threshold publishes
 * {@link PredictionDriftDetected} once per (version, feature).
 */
@Component
class DriftMonitor {

    private final HistoryReader histories;
    private final ModelRegistry registry;
    private final LifetimeValuePort clv;
    private final DriftStore store;
    private final Collaborators with;
    private final Map<String, AtomicReference<Double>> gauges = new ConcurrentHashMap<>();

    DriftMonitor(
            HistoryReader histories,
            ModelRegistry registry,
            LifetimeValuePort clv,
            DriftStore store,
            Collaborators with) {
        this.histories = histories;
        this.registry = registry;
        this.clv = clv;
        this.store = store;
        this.with = with;
    }

    Optional<DriftReport> measure(TenantId tenant) {
        Optional<Serving<ClvArtefact>> serving = registry.serving(tenant, clv);
        if (serving.isEmpty()) {
            return Optional.empty();
        }
        Instant now = with.clock().instant();
        ClvArtefact model = serving.get().model();
        String version = serving.get().version().id();
        List<CustomerSummary> live = histories.all(tenant, TrainingListener.NONE).stream()
                .map(history -> CustomerFeatures.ofHistory(history, now))
                .filter(CustomerFeatures::hasOrders)
                .map(LifetimeValuePort::summary)
                .toList();
        Map<String, double[]> samples = ClvDrift.samples(model.purchases(), live);
        List<DriftReport.Entry> entries = new ArrayList<>();
        double threshold = with.settings().driftThreshold();
        for (DriftBaseline baseline : model.drift()) {
            double[] sample = samples.getOrDefault(baseline.feature(), new double[0]);
            double[] shares = Psi.shares(baseline.edges(), sample);
            double psi = baseline.psi(sample);
            entries.add(new DriftReport.Entry(
                    baseline.feature(),
                    psi,
                    Psi.list(baseline.edges()),
                    Psi.list(baseline.shares()),
                    Psi.list(shares)));
            gauge(tenant, baseline.feature()).set(psi);
            with.inTenant().run(tenant, () -> {
                if (store.record(tenant.value(), version, baseline.feature(), psi, threshold, now)) {
                    with.publisher()
                            .publishEvent(new PredictionDriftDetected(
                                    tenant, version, baseline.feature(), psi, threshold, now));
                }
            });
        }
        return Optional.of(new DriftReport(version, now, threshold, entries));
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

    /** The shared infrastructure, kept together to keep the constructor short. */
    @Component
    record Collaborators(
            Clock clock,
            PredictionSettings settings,
            InTenant inTenant,
            ApplicationEventPublisher publisher,
            MeterRegistry meters) {}
}
