package io.hearth.console.internal;

import io.hearth.support.SupportManagement;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The agents' inbox: escalated conversations by priority with the why of each, and one conversation
 * with its context package, a reply box, notes and hand-back.
 */
@Controller
class SupportInboxController {

    private static final int INBOX_SIZE = 100;

    private final SupportManagement support;

    SupportInboxController(SupportManagement support) {
        this.support = support;
    }

    @GetMapping("/console/support")
    String inbox(@AuthenticationPrincipal ConsoleUser user, Model model) {
        model.addAttribute("tenant", user.tenantId());
        model.addAttribute("tickets", support.queue(user.tenantId(), null, INBOX_SIZE));
        model.addAttribute("metrics", support.metrics(user.tenantId()));
        return "console/support";
    }

    @GetMapping("/console/support/{id}")
    String conversation(@AuthenticationPrincipal ConsoleUser user, @PathVariable UUID id, Model model) {
        model.addAttribute("tenant", user.tenantId());
        model.addAttribute("context", support.context(user.tenantId(), id));
        return "console/support-conversation";
    }

    @PostMapping("/console/support/{id}/reply")
    String reply(
            @AuthenticationPrincipal ConsoleUser user,
            @PathVariable UUID id,
            @RequestParam String text,
            @RequestParam(required = false) @Nullable String note) {
        support.agentMessage(user.tenantId(), id, text, note != null);
        return "redirect:/console/support/" + id;
    }

    @PostMapping("/console/support/{id}/hand-back")
    String handBack(@AuthenticationPrincipal ConsoleUser user, @PathVariable UUID id) {
        support.handBack(user.tenantId(), id);
        return "redirect:/console/support";
    }
}
