package io.hearth.console.internal;

import io.hearth.loyalty.LoyaltyManagement;
import io.hearth.loyalty.ProgramOverview;
import io.hearth.loyalty.ProgramOverview.Day;
import io.hearth.shared.CustomerId;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The loyalty program's overview and one member's page, over the loyalty facade only. */
@Controller
class LoyaltyConsoleController {

    static final int DAYS = 30;

    private final LoyaltyManagement loyalty;

    LoyaltyConsoleController(LoyaltyManagement loyalty) {
        this.loyalty = loyalty;
    }

    @GetMapping("/console/loyalty")
    String program(@AuthenticationPrincipal ConsoleUser user, Model model) {
        ProgramOverview overview = loyalty.programOverview(user.tenantId(), DAYS);
        model.addAttribute("overview", overview);
        model.addAttribute("labels", overview.days().stream().map(Day::day).collect(Collectors.joining(",")));
        model.addAttribute("earned", csv(overview, Day::earned));
        model.addAttribute("redeemed", csv(overview, Day::redeemed));
        model.addAttribute("expired", csv(overview, Day::expired));
        model.addAttribute("challenges", loyalty.challengeStandings(user.tenantId()));
        model.addAttribute("tenant", user.tenantId());
        return "console/loyalty";
    }

    @GetMapping("/console/loyalty/members/{customerId}")
    String member(@AuthenticationPrincipal ConsoleUser user, @PathVariable String customerId, Model model) {
        CustomerId customer = CustomerId.of(customerId);
        model.addAttribute("customerId", customerId);
        model.addAttribute("balance", loyalty.balance(user.tenantId(), customer));
        model.addAttribute("tier", loyalty.tierStatus(user.tenantId(), customer));
        model.addAttribute("score", loyalty.loyaltyScore(user.tenantId(), customer));
        model.addAttribute("history", loyalty.history(user.tenantId(), customer, 50, null, null));
        model.addAttribute("tenant", user.tenantId());
        return "console/loyalty-member";
    }

    private static String csv(ProgramOverview overview, java.util.function.ToLongFunction<Day> figure) {
        return overview.days().stream()
                .map(day -> Long.toString(figure.applyAsLong(day)))
                .collect(Collectors.joining(","));
    }
}
