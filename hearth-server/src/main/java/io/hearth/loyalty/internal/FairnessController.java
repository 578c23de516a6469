package io.hearth.loyalty.internal;

import io.hearth.loyalty.FairnessReport;
import io.hearth.shared.FieldError;
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
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** How offers and challenges were spread over groups of members, with disparate-impact ratios. */
@RestController
@Tag(name = "Loyalty fairness", description = "Offer and challenge distribution across groups of members")
class FairnessController {

    private static final Duration DEFAULT_PERIOD = Duration.ofDays(90);

    private final Fairness fairness;
    private final Clock clock;

    FairnessController(Fairness fairness, Clock clock) {
        this.fairness = fairness;
        this.clock = clock;
    }

    record GroupsRequest(@Nullable String since, @Nullable Map<String, String> groups) {}

    @GetMapping(path = "/v1/loyalty/fairness", produces = "application/json")
    @Operation(summary = "Offers and challenges per tier since a time (90 days by default)")
    FairnessReport byTier(
            @AuthenticationPrincipal Principal caller, @RequestParam(required = false) @Nullable String since) {
        return fairness.report(caller.tenantId(), since(since, "since"), null);
    }

    @PostMapping(path = "/v1/loyalty/fairness", produces = "application/json")
    @Operation(summary = "Offers and challenges per group of a supplied attribute (customer id → group) (admin)")
    FairnessReport bySuppliedGroups(@AuthenticationPrincipal Principal caller, @RequestBody GroupsRequest request) {
        if (request.groups() == null
                || request.groups().isEmpty()
                || request.groups().size() > 100_000) {
            LoyaltyRequests.refuseIfAny(
                    List.of(new FieldError("/groups", "needs 1 to 100,000 customer ids, each with its group")),
                    "The grouping is not valid");
        }
        return fairness.report(caller.tenantId(), since(request.since(), "/since"), request.groups());
    }

    private Instant since(@Nullable String since, String field) {
        if (since == null) {
            return clock.instant().minus(DEFAULT_PERIOD);
        }
        try {
            return Instant.parse(since);
        } catch (DateTimeParseException e) {
            LoyaltyRequests.refuseIfAny(
                    List.of(new FieldError(field, "must be an ISO-8601 instant")), "The time is not valid");
            throw e;
        }
    }
}
