package io.hearth.loyalty.internal;

import io.hearth.loyalty.Badge;
import io.hearth.shared.CustomerId;
import io.hearth.shared.FieldError;
import io.hearth.tenancy.Principal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Badges and milestones: define them, and see a member's standing. */
@RestController
@Tag(name = "Loyalty badges", description = "Milestones and streaks members earn once")
class BadgeController {

    private final Badges badges;
    private final Members members;

    BadgeController(Badges badges, Members members) {
        this.badges = badges;
        this.members = members;
    }

    record BadgeRequest(
            @Nullable String name,
            @Nullable String kind,
            @Nullable Long threshold,
            @Nullable Long rewardPoints,
            @Nullable Boolean active) {}

    @PutMapping(path = "/v1/loyalty/badges/{badgeId}", produces = "application/json")
    @Operation(summary = "Create or replace a badge: lifetime points, orders or a weekly streak (admin)")
    Badge save(
            @AuthenticationPrincipal Principal caller,
            @PathVariable String badgeId,
            @RequestBody BadgeRequest request) {
        List<FieldError> errors = new ArrayList<>();
        LoyaltyRequests.required(errors, "/name", request.name());
        Badge.Kind kind = null;
        try {
            kind = Badge.Kind.valueOf(String.valueOf(request.kind()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("/kind", "must be one of LIFETIME_POINTS, ORDERS, WEEKLY_STREAK"));
        }
        if (request.threshold() == null || request.threshold() < 1) {
            errors.add(new FieldError("/threshold", "is required and at least 1"));
        }
        if (request.rewardPoints() != null && request.rewardPoints() < 0) {
            errors.add(new FieldError("/rewardPoints", "must not be negative"));
        }
        if (badgeId.length() > 100) {
            errors.add(new FieldError("badgeId", "must have at most 100 characters"));
        }
        LoyaltyRequests.refuseIfAny(errors, "The badge is not valid");
        return badges.save(
                caller.tenantId(),
                new Badge(
                        badgeId,
                        request.name(),
                        kind,
                        request.threshold(),
                        request.rewardPoints() == null ? 0 : request.rewardPoints(),
                        request.active() == null || request.active()));
    }

    @GetMapping(path = "/v1/loyalty/badges", produces = "application/json")
    @Operation(summary = "The badges")
    Map<String, List<Badge>> list(@AuthenticationPrincipal Principal caller) {
        return Map.of("data", badges.badges(caller.tenantId()));
    }

    @GetMapping(path = "/v1/loyalty/members/{customerId}/badges", produces = "application/json")
    @Operation(summary = "The member's standing on every badge, with when each was earned")
    Map<String, List<Badge.Progress>> progress(
            @AuthenticationPrincipal Principal caller, @PathVariable String customerId) {
        CustomerId customer = CustomerId.of(customerId);
        members.requireKnown(caller.tenantId(), customer);
        return Map.of("data", badges.progress(caller.tenantId(), customer, false));
    }
}
