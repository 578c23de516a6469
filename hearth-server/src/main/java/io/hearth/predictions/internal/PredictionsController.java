package io.hearth.predictions.internal;

import io.hearth.predictions.CustomerPredictions;
import io.hearth.predictions.DriftReport;
import io.hearth.predictions.ModelCalibration;
import io.hearth.predictions.ModelKind;
import io.hearth.predictions.ModelVersion;
import io.hearth.predictions.PredictionManagement;
import io.hearth.predictions.PredictionsProblem;
import io.hearth.predictions.SeasonalityReport;
import io.hearth.segments.SegmentId;
import io.hearth.shared.CustomerId;
import io.hearth.shared.FieldError;
import io.hearth.shared.HearthProblem;
import io.hearth.tenancy.Principal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Per-customer predictions, the model registry, training, drift and calibration. */
@RestController
@Tag(name = "Predictions", description = "CLV, churn risk, health, next purchase, send time; the model registry")
class PredictionsController {

    private final PredictionManagement predictions;

    PredictionsController(PredictionManagement predictions) {
        this.predictions = predictions;
    }

    @GetMapping(path = "/v1/customers/{customerId}/predictions", produces = "application/json")
    @Operation(summary = "The customer's predictions, each with its explanation and model version (read)")
    CustomerPredictions customer(@AuthenticationPrincipal Principal caller, @PathVariable String customerId) {
        return predictions.forCustomer(caller.tenantId(), CustomerId.of(customerId));
    }

    @PostMapping(path = "/v1/customers/{customerId}/predictions/served", produces = "application/json")
    @Operation(summary = "The customer's predictions for a decision: also writes them to the decision log")
    CustomerPredictions served(
            @AuthenticationPrincipal Principal caller,
            @PathVariable String customerId,
            @RequestBody(required = false) @Nullable ServedRequest request) {
        String action = request == null ? null : request.action();
        if (action == null || action.isBlank() || action.length() > 200) {
            throw new HearthProblem(
                    PredictionsProblem.INVALID_QUERY,
                    "Say what the scores are used for",
                    List.of(new FieldError("/action", "is required, at most 200 characters")));
        }
        return predictions.forAction(caller.tenantId(), CustomerId.of(customerId), action);
    }

    @GetMapping(path = "/v1/predictions/models", produces = "application/json")
    @Operation(summary = "Versions of a model kind, newest first")
    Map<String, List<ModelVersion>> models(
            @AuthenticationPrincipal Principal caller,
            @RequestParam(defaultValue = "clv") String kind,
            @RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > 100) {
            throw new HearthProblem(
                    PredictionsProblem.INVALID_QUERY,
                    "limit must be between 1 and 100",
                    List.of(new FieldError("limit", "must be between 1 and 100")));
        }
        return Map.of("data", predictions.versions(caller.tenantId(), kind(kind), limit));
    }

    @GetMapping(path = "/v1/predictions/models/{kind}/{version}", produces = "application/json")
    @Operation(summary = "One version with its window, data size, metrics, parameters and code version")
    ModelVersion model(
            @AuthenticationPrincipal Principal caller, @PathVariable String kind, @PathVariable int version) {
        return predictions
                .version(caller.tenantId(), kind(kind), version)
                .orElseThrow(() -> new HearthProblem(PredictionsProblem.UNKNOWN_MODEL, "No such model version"));
    }

    @PostMapping(path = "/v1/predictions/training", produces = "application/json")
    @Operation(summary = "Run the tenant's durable training job now (admin)")
    ResponseEntity<Map<String, String>> train(@AuthenticationPrincipal Principal caller) {
        predictions.trainSoon(caller.tenantId());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("status", "scheduled"));
    }

    @GetMapping(path = "/v1/predictions/drift", produces = "application/json")
    @Operation(
            summary = "PSI of the serving CLV, churn and health versions' features and scores, training against live")
    DriftReport drift(@AuthenticationPrincipal Principal caller) {
        return predictions.drift(caller.tenantId()).orElseThrow(PredictionsController::noModel);
    }

    @GetMapping(path = "/v1/predictions/drift/alerts", produces = "application/json")
    @Operation(summary = "Drift alerts raised for the shop, newest first (read)")
    Map<String, List<io.hearth.predictions.DriftAlert>> driftAlerts(
            @AuthenticationPrincipal Principal caller, @RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > 100) {
            throw new HearthProblem(
                    PredictionsProblem.INVALID_QUERY,
                    "limit must be between 1 and 100",
                    List.of(new FieldError("limit", "must be between 1 and 100")));
        }
        return Map.of("data", predictions.driftAlerts(caller.tenantId(), limit));
    }

    @GetMapping(path = "/v1/predictions/calibration", produces = "application/json")
    @Operation(summary = "Holdout calibration of the serving CLV and churn versions")
    ModelCalibration calibration(@AuthenticationPrincipal Principal caller) {
        return predictions.calibration(caller.tenantId()).orElseThrow(PredictionsController::noModel);
    }

    @GetMapping(path = "/v1/predictions/seasonality", produces = "application/json")
    @Operation(summary = "Weekly, daily and yearly activity profile of a segment's orders, or the shop's (read)")
    SeasonalityReport seasonality(
            @AuthenticationPrincipal Principal caller, @RequestParam(required = false) @Nullable String segment) {
        return predictions.seasonality(
                caller.tenantId(), Optional.ofNullable(segment).map(PredictionsController::segmentId));
    }

    private static SegmentId segmentId(String value) {
        try {
            return new SegmentId(UUID.fromString(value.trim()));
        } catch (IllegalArgumentException e) {
            throw new HearthProblem(
                    PredictionsProblem.INVALID_QUERY,
                    "The segment is not a segment id",
                    List.of(new FieldError("segment", "must be a segment id (UUID)")));
        }
    }

    private static HearthProblem noModel() {
        return new HearthProblem(PredictionsProblem.UNKNOWN_MODEL, "No trained version serves yet: train first");
    }

    private static ModelKind kind(String kind) {
        return ModelKind.parse(kind)
                .orElseThrow(() -> new HearthProblem(
                        PredictionsProblem.INVALID_QUERY,
                        "Unknown model kind",
                        List.of(new FieldError(
                                "kind", "must be one of clv, churn, health, replenishment, send-time, next-need"))));
    }

    /** The body of a served request. */
    record ServedRequest(@Nullable String action) {}
}
