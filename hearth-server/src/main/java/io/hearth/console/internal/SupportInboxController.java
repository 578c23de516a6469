package io.hearth.console.internal;

import io.hearth.shared.HearthProblem;
import io.hearth.support.SupportManagement;
import io.hearth.support.SupportProblem;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The agents' inbox: escalated conversations by priority with the why of each; one conversation
 * with its context package, a reply box, notes, a priority override and hand-back; and the support
 * metrics per intent.
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

    @GetMapping("/console/support/metrics")
    String metrics(@AuthenticationPrincipal ConsoleUser user, Model model) {
        model.addAttribute("tenant", user.tenantId());
        model.addAttribute("metrics", support.metrics(user.tenantId()));
        model.addAttribute("seconds", (Function<Double, String>) SupportInboxController::duration);
        return "console/support-metrics";
    }

    @GetMapping("/console/support/{id}")
    String conversation(@AuthenticationPrincipal ConsoleUser user, @PathVariable UUID id, Model model) {
        model.addAttribute("tenant", user.tenantId());
        model.addAttribute("context", support.context(user.tenantId(), id));
        return "console/support-conversation";
    }

    /**
     * The agent's own priority. A value the API refuses (not a number, outside 0 to 1000) shows the
     * conversation again with the problem beside the field, answered 400 like the API.
     */
    @PostMapping("/console/support/{id}/priority")
    String overridePriority(
            @AuthenticationPrincipal ConsoleUser user,
            @PathVariable UUID id,
            @RequestParam String priority,
            HttpServletResponse response,
            Model model) {
        try {
            support.overridePriority(user.tenantId(), id, parse(priority));
            return "redirect:/console/support/" + id;
        } catch (HearthProblem problem) {
            if (problem.type() != SupportProblem.INVALID_MESSAGE) {
                throw problem;
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("priorityProblem", "priority must be a number from 0 to 1000");
            return conversation(user, id, model);
        }
    }

    private static double parse(String priority) {
        try {
            return Double.parseDouble(priority.strip());
        } catch (NumberFormatException notANumber) {
            // the facade refuses NaN with the same problem as a number out of range
            return Double.NaN;
        }
    }

    /** Seconds as an agent reads them: {@code 45 s}, {@code 12.5 min}, {@code 3.2 h}. */
    static String duration(@Nullable Double seconds) {
        if (seconds == null) {
            return ConsoleFormat.NOTHING;
        }
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.0f s", seconds);
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%.1f min", seconds / 60);
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
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
