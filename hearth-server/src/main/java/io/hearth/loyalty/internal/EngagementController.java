package io.hearth.loyalty.internal;

import io.hearth.loyalty.BadgeStanding;
import io.hearth.loyalty.ChallengeStanding;
import io.hearth.loyalty.OfferArmStats;
import io.hearth.tenancy.Principal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Program-wide figures of the offer bandit's arms, the challenges and the badges (what the console shows). */
@RestController
@Tag(name = "Loyalty engagement", description = "How the offer types and badges are doing across the program")
class EngagementController {

    private final EngagementStats stats;

    EngagementController(EngagementStats stats) {
        this.stats = stats;
    }

    @GetMapping(path = "/v1/loyalty/offers/stats", produces = "application/json")
    @Operation(summary = "Each offer type with its offers, responses and mean reward so far")
    Map<String, List<OfferArmStats>> offers(@AuthenticationPrincipal Principal caller) {
        return Map.of("data", stats.offerArms(caller.tenantId()));
    }

    @GetMapping(path = "/v1/loyalty/challenges/stats", produces = "application/json")
    @Operation(summary = "Each challenge with its targets set and completions this month (UTC)")
    Map<String, List<ChallengeStanding>> challenges(@AuthenticationPrincipal Principal caller) {
        return Map.of("data", stats.challenges(caller.tenantId()));
    }

    @GetMapping(path = "/v1/loyalty/badges/stats", produces = "application/json")
    @Operation(summary = "Each badge with how many members earned it and the points it paid")
    Map<String, List<BadgeStanding>> badges(@AuthenticationPrincipal Principal caller) {
        return Map.of("data", stats.badges(caller.tenantId()));
    }
}
