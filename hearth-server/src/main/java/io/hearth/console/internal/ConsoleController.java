package io.hearth.console.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's pages: sign-in and the tenant overview with its live activity fragment. */
@Controller
class ConsoleController {

    private final Dashboard dashboard;

    ConsoleController(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/")
    String root() {
        return "redirect:/console";
    }

    @GetMapping("/console/login")
    String login(
            @RequestParam(required = false) @Nullable String error,
            @RequestParam(required = false) @Nullable String signedOut,
            @RequestParam(required = false) @Nullable String expired,
            Model model) {
        model.addAttribute("refused", error != null);
        model.addAttribute("signedOut", signedOut != null);
        model.addAttribute("expired", expired != null);
        return "console/login";
    }

    @GetMapping("/console")
    String overview(@AuthenticationPrincipal ConsoleUser user, Model model) {
        model.addAttribute("activity", dashboard.activity(user.tenantId()));
        model.addAttribute("sources", dashboard.sources(user.tenantId()));
        model.addAttribute("apiKeys", dashboard.apiKeys(user.tenantId()));
        model.addAttribute("tenant", user.tenantId());
        return "console/overview";
    }

    /** What htmx polls every few seconds: the chart's figures and the latest events. */
    @GetMapping("/console/activity")
    String activity(@AuthenticationPrincipal ConsoleUser user, Model model) {
        model.addAttribute("activity", dashboard.activity(user.tenantId()));
        return "console/overview :: activity";
    }
}
