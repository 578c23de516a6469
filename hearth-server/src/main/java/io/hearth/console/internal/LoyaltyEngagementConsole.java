package io.hearth.console.internal;

import io.hearth.loyalty.LoyaltyManagement;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The loyalty program's offer bandit, badges and fairness report, over the loyalty facade only. */
@Controller
class LoyaltyEngagementConsole {

    /** The fairness page's window, the same as the API's default. */
    static final Duration FAIRNESS_WINDOW = Duration.ofDays(90);

    private final LoyaltyManagement loyalty;
    private final Clock clock;

    LoyaltyEngagementConsole(LoyaltyManagement loyalty, Clock clock) {
        this.loyalty = loyalty;
        this.clock = clock;
    }

    @GetMapping("/console/loyalty/offers")
    String offers(@AuthenticationPrincipal ConsoleUser user, Model model) {
        model.addAttribute("arms", loyalty.offerArmStats(user.tenantId()));
        model.addAttribute("tenant", user.tenantId());
        return "console/loyalty-offers";
    }

    @GetMapping("/console/loyalty/badges")
    String badges(@AuthenticationPrincipal ConsoleUser user, Model model) {
        model.addAttribute("badges", loyalty.badgeStandings(user.tenantId()));
        model.addAttribute("tenant", user.tenantId());
        return "console/loyalty-badges";
    }

    @GetMapping("/console/loyalty/fairness")
    String fairness(@AuthenticationPrincipal ConsoleUser user, Model model) {
        model.addAttribute(
                "report",
                loyalty.fairnessReport(user.tenantId(), clock.instant().minus(FAIRNESS_WINDOW), null));
        model.addAttribute("tenant", user.tenantId());
        return "console/loyalty-fairness";
    }
}
