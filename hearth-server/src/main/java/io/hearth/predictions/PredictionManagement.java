package io.hearth.predictions;

import io.hearth.predictions.internal.PredictionService;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The predictions facade. Every method enters the given tenant itself and never returns null. Scores
 * come from the latest good version of each kind, held in memory, or from the rule-based fallback
 * while a kind has none ({@link Prediction#fallback()}).
 */
@Service
public class PredictionManagement {

    private final PredictionService service;

    PredictionManagement(PredictionService service) {
        this.service = service;
    }

    /**
     * The customer's predictions now, for reading (a console page, a report). Writes nothing.
     *
     * @throws io.hearth.shared.HearthProblem {@code profiles.unknown-customer}
     */
    public CustomerPredictions forCustomer(TenantId tenant, CustomerId customer) {
        return service.forCustomer(tenant, customer);
    }

    /**
     * The customer's predictions for a decision about to be taken on them (a journey branch, an offer,
     * a support routing): also writes one {@code prediction.served} record to the decision log with the
     * scores, their versions and the action. Call it once per decision.
     *
     * @param action what the scores are used for, e.g. {@code journey:win-back/branch-2}
     * @throws io.hearth.shared.HearthProblem {@code profiles.unknown-customer}
     */
    public CustomerPredictions forAction(TenantId tenant, CustomerId customer, String action) {
        return service.forAction(tenant, customer, action);
    }

    /**
     * The {@code prediction.served} decision that {@link #forAction} would write, for a caller that
     * appends its decisions to the log itself in one batch at the end of its transaction (the journeys
     * engine, whose bestSendTime wait acts on the send time read with {@link #forCustomer}). Writes
     * nothing; the caller must record it.
     *
     * @param action what the scores are used for, e.g. {@code journey:welcome/send-later}
     */
    public io.hearth.privacy.Decision servedDecision(CustomerPredictions predictions, String action) {
        return service.servedDecision(predictions, action);
    }

    /**
     * Trains every kind on the tenant's orders up to now, on the calling thread, storing one version per
     * kind (good or not, with its reason), then measures drift against the new CLV version.
     */
    public List<ModelVersion> train(TenantId tenant, TrainingListener listener) {
        return service.train(tenant, listener);
    }

    /**
     * Trains every kind on the orders placed up to {@code asOf}, as if it were then (window end and
     * ages are measured at {@code asOf}): to rebuild history or to evaluate on a past cut-off. Drift is
     * not measured, since live customers are not those of {@code asOf}.
     */
    public List<ModelVersion> train(TenantId tenant, java.time.Instant asOf, TrainingListener listener) {
        return service.train(tenant, asOf, listener);
    }

    /** Runs the tenant's durable training job as soon as a node is free. Idempotent. */
    public void trainSoon(TenantId tenant) {
        service.trainSoon(tenant);
    }

    /** Versions of a kind, newest first. */
    public List<ModelVersion> versions(TenantId tenant, ModelKind kind, int limit) {
        return service.versions(tenant, kind, limit);
    }

    public Optional<ModelVersion> version(TenantId tenant, ModelKind kind, int version) {
        return service.version(tenant, kind, version);
    }

    /** The shop's drift alerts, newest first: one per {@link PredictionDriftDetected}. */
    public List<DriftAlert> driftAlerts(TenantId tenant, int limit) {
        return service.driftAlerts(tenant, limit);
    }

    /**
     * Drift of the serving CLV, churn and health versions, measured now; empty while none of them has a
     * version.
     */
    public Optional<DriftReport> drift(TenantId tenant) {
        return service.drift(tenant);
    }

    /**
     * The weekly, daily and yearly activity profile of a segment's orders, or of every customer's when
     * the segment is empty; computed now from the orders.
     *
     * @throws io.hearth.shared.HearthProblem {@code segments.unknown-segment}, or {@code
     *     predictions.not-enough-data} when the customers have no orders
     */
    public SeasonalityReport seasonality(TenantId tenant, Optional<io.hearth.segments.SegmentId> segment) {
        return service.seasonality(tenant, segment);
    }

    /** Calibration tables of the serving versions; empty while there are none. */
    public Optional<ModelCalibration> calibration(TenantId tenant) {
        return service.calibration(tenant);
    }
}
