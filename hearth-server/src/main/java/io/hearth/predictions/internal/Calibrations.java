package io.hearth.predictions.internal;

import io.hearth.predictions.ModelCalibration;
import io.hearth.predictions.ModelCalibration.PurchasesRow;
import io.hearth.predictions.ModelCalibration.RiskBin;
import io.hearth.shared.TenantId;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The calibration tables stored in the serving CLV and churn artefacts. */
@Component
class Calibrations {

    private final ModelRegistry registry;
    private final LifetimeValuePort clv;
    private final ChurnPort churn;

    Calibrations(ModelRegistry registry, LifetimeValuePort clv, ChurnPort churn) {
        this.registry = registry;
        this.clv = clv;
        this.churn = churn;
    }

    Optional<ModelCalibration> of(TenantId tenant) {
        Optional<Serving<ClvArtefact>> value = registry.serving(tenant, clv);
        Optional<Serving<ChurnArtefact>> risk = registry.serving(tenant, churn);
        if (value.isEmpty() && risk.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ModelCalibration(
                value.map(s -> s.version().id()),
                value.map(s -> s.model().calibration().stream()
                                .map(row -> new PurchasesRow(
                                        row.frequency(), row.customers(), row.actualMean(), row.predictedMean()))
                                .toList())
                        .orElse(java.util.List.of()),
                risk.map(s -> s.version().id()),
                risk.map(s -> s.model().calibration().stream()
                                .map(bin -> new RiskBin(bin.meanPredicted(), bin.observedRate(), bin.customers()))
                                .toList())
                        .orElse(java.util.List.of())));
    }
}
