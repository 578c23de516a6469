package io.hearth.recommendations.internal;

import io.hearth.recommendations.ModelSummary;
import io.hearth.recommendations.RecommendationManagement;
import io.hearth.recommendations.RecommendationsProblem;
import io.hearth.recommendations.Slate;
import io.hearth.recommendations.StrategyPerformance;
import io.hearth.recommendations.internal.TrainingTask.TrainingSchedule;
import io.hearth.shared.CustomerId;
import io.hearth.shared.FieldError;
import io.hearth.shared.HearthProblem;
import io.hearth.tenancy.Principal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Serving, batch generation, training and measurement of recommendations. */
@RestController
@Tag(name = "Recommendations", description = "Personal, similar and bought-together products")
class RecommendationsController {

    private static final int MAX_BATCH = 1_000;

    private final RecommendationManagement recommendations;
    private final TrainingSchedule schedule;
    private final Clock clock;

    RecommendationsController(RecommendationManagement recommendations, TrainingSchedule schedule, Clock clock) {
        this.recommendations = recommendations;
        this.schedule = schedule;
        this.clock = clock;
    }

    @GetMapping(path = "/v1/customers/{customerId}/recommendations", produces = "application/json")
    @Operation(summary = "A slate for one customer; context = device:…,hour:…,session:…,product:…")
    Slate forCustomer(
            @AuthenticationPrincipal Principal caller,
            @PathVariable String customerId,
            @RequestParam(defaultValue = "home") String surface,
            @RequestParam(defaultValue = "10") int n,
            @RequestParam(required = false) @Nullable String context) {
        return recommendations.forCustomer(
                caller.tenantId(), CustomerId.of(customerId), surface, n, ContextParameter.parse(context));
    }

    @GetMapping(path = "/v1/visitors/{anonymousId}/recommendations", produces = "application/json")
    @Operation(summary = "A slate for an anonymous visitor from their session; context = device:…,hour:…,product:…")
    Slate forVisitor(
            @AuthenticationPrincipal Principal caller,
            @PathVariable String anonymousId,
            @RequestParam(defaultValue = "home") String surface,
            @RequestParam(defaultValue = "10") int n,
            @RequestParam(required = false) @Nullable String context) {
        return recommendations.forVisitor(caller.tenantId(), anonymousId, surface, n, ContextParameter.parse(context));
    }

    @GetMapping(path = "/v1/products/{productId}/similar", produces = "application/json")
    @Operation(summary = "Products like this one")
    Slate similar(
            @AuthenticationPrincipal Principal caller,
            @PathVariable String productId,
            @RequestParam(defaultValue = "10") int n) {
        return recommendations.similar(caller.tenantId(), productId, n);
    }

    @GetMapping(path = "/v1/products/{productId}/bought-together", produces = "application/json")
    @Operation(summary = "Products bought together with this one")
    Slate boughtTogether(
            @AuthenticationPrincipal Principal caller,
            @PathVariable String productId,
            @RequestParam(defaultValue = "10") int n) {
        return recommendations.boughtTogether(caller.tenantId(), productId, n);
    }

    @PostMapping(path = "/v1/recommendations/batch", produces = "application/json")
    @Operation(summary = "Slates for up to 1,000 customers (email); unknown customers are left out (admin)")
    Map<String, List<Slate>> batch(@AuthenticationPrincipal Principal caller, @RequestBody BatchRequest request) {
        request.check();
        List<CustomerId> customers =
                request.customerIds().stream().map(CustomerId::of).toList();
        return Map.of(
                "data", recommendations.forCustomers(caller.tenantId(), customers, request.surface(), request.n()));
    }

    @PostMapping(path = "/v1/recommendations/train", produces = "application/json")
    @Operation(summary = "Retrain the tenant's models as soon as a node is free (admin)")
    ResponseEntity<Map<String, Instant>> train(@AuthenticationPrincipal Principal caller) {
        return ResponseEntity.accepted().body(Map.of("scheduledFor", schedule.now(caller.tenantId())));
    }

    @GetMapping(path = "/v1/recommendations/model", produces = "application/json")
    @Operation(summary = "The model version served, the stored versions and what this node holds in memory")
    Map<String, Object> model(@AuthenticationPrincipal Principal caller) {
        ModelSummary current = recommendations.currentModel(caller.tenantId());
        return Map.of(
                "current",
                current,
                "versions",
                recommendations.modelHistory(caller.tenantId()),
                "memory",
                recommendations.servingMemory(caller.tenantId()));
    }

    @GetMapping(path = "/v1/recommendations/performance", produces = "application/json")
    @Operation(summary = "Impressions, clicks, conversions and rates per strategy (default: the last 30 days)")
    Map<String, List<StrategyPerformance>> performance(
            @AuthenticationPrincipal Principal caller,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        Instant end = to == null ? clock.instant().plusSeconds(1) : instant("to", to);
        Instant start = from == null ? end.minus(Duration.ofDays(30)) : instant("from", from);
        return Map.of("data", recommendations.performance(caller.tenantId(), start, end));
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new HearthProblem(
                    RecommendationsProblem.INVALID_REQUEST,
                    name + " is not an ISO 8601 instant",
                    List.of(new FieldError(name, "must be an instant such as 2026-12-01T00:00:00Z")));
        }
    }

    record BatchRequest(
            @Nullable List<String> customerIds,
            @Nullable String surface,
            @Nullable Integer n) {

        void check() {
            if (customerIds == null || customerIds.isEmpty() || customerIds.size() > MAX_BATCH) {
                throw new HearthProblem(
                        RecommendationsProblem.INVALID_REQUEST,
                        "A batch names 1 to " + MAX_BATCH + " customers",
                        List.of(new FieldError("/customerIds", "must hold 1 to " + MAX_BATCH + " customer ids")));
            }
            if (customerIds.stream().anyMatch(id -> id == null || id.isBlank())) {
                throw new HearthProblem(
                        RecommendationsProblem.INVALID_REQUEST,
                        "Customer ids are not blank",
                        List.of(new FieldError("/customerIds", "must not hold blank ids")));
            }
        }

        @Override
        public List<String> customerIds() {
            return customerIds == null ? List.of() : customerIds;
        }

        @Override
        public String surface() {
            return surface == null ? "email" : surface;
        }

        @Override
        public Integer n() {
            return n == null ? 6 : n;
        }
    }
}
