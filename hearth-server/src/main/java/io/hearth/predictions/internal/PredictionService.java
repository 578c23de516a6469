package io.hearth.predictions.internal;

import io.hearth.predictions.CustomerPredictions;
import io.hearth.predictions.DriftReport;
import io.hearth.predictions.ModelCalibration;
import io.hearth.predictions.ModelKind;
import io.hearth.predictions.ModelVersion;
import io.hearth.predictions.TrainingListener;
import io.hearth.profiles.CustomerProfile;
import io.hearth.profiles.ProfileManagement;
import io.hearth.profiles.ProfilesProblem;
import io.hearth.shared.CustomerId;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** What the facade does, in the module's internals. */
@Service
public class PredictionService {

    private final ProfileManagement profiles;
    private final Scorer scorer;
    private final DecisionRecorder decisions;
    private final Trainer trainer;
    private final Operations operations;

    PredictionService(
            ProfileManagement profiles,
            Scorer scorer,
            DecisionRecorder decisions,
            Trainer trainer,
            Operations operations) {
        this.profiles = profiles;
        this.scorer = scorer;
        this.decisions = decisions;
        this.trainer = trainer;
        this.operations = operations;
    }

    public CustomerPredictions forCustomer(TenantId tenant, CustomerId customer) {
        CustomerProfile profile = profiles.profile(tenant, customer)
                .orElseThrow(
                        () -> new HearthProblem(ProfilesProblem.UNKNOWN_CUSTOMER, "No such customer in this tenant"));
        return scorer.score(tenant, profile, operations.clock().instant()).predictions();
    }

    public io.hearth.predictions.SeasonalityReport seasonality(
            TenantId tenant, java.util.Optional<io.hearth.segments.SegmentId> segment) {
        return operations.seasonality().profile(tenant, segment);
    }

    public CustomerPredictions forAction(TenantId tenant, CustomerId customer, String action) {
        CustomerPredictions predictions = forCustomer(tenant, customer);
        decisions.served(tenant, predictions, action);
        return predictions;
    }

    public io.hearth.privacy.Decision servedDecision(CustomerPredictions predictions, String action) {
        return decisions.decision(predictions, action);
    }

    public List<ModelVersion> train(TenantId tenant, TrainingListener listener) {
        List<ModelVersion> versions = trainer.train(tenant, listener);
        operations.drift().measure(tenant);
        return versions;
    }

    public List<ModelVersion> train(TenantId tenant, java.time.Instant asOf, TrainingListener listener) {
        return trainer.train(tenant, asOf, listener);
    }

    public void trainSoon(TenantId tenant) {
        operations.schedule().trainSoon(tenant);
    }

    public List<ModelVersion> versions(TenantId tenant, ModelKind kind, int limit) {
        return operations.registry().versions(tenant, kind, limit);
    }

    public Optional<ModelVersion> version(TenantId tenant, ModelKind kind, int version) {
        return operations.registry().version(tenant, kind, version);
    }

    public Optional<DriftReport> drift(TenantId tenant) {
        return operations.drift().measure(tenant);
    }

    public List<io.hearth.predictions.DriftAlert> driftAlerts(TenantId tenant, int limit) {
        return operations.alerts().recent(tenant, limit);
    }

    public Optional<ModelCalibration> calibration(TenantId tenant) {
        return operations.calibration().of(tenant);
    }

    /** The collaborators of the model operations, kept together to keep the constructor short. */
    @org.springframework.stereotype.Component
    record Operations(
            Clock clock,
            ModelRegistry registry,
            DriftMonitor drift,
            DriftAlerts alerts,
            TrainingSchedule schedule,
            Calibrations calibration,
            SeasonalityReader seasonality) {}
}
