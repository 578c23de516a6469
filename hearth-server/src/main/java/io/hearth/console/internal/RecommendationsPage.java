package io.hearth.console.internal;

import io.hearth.recommendations.ModelSummary;
import io.hearth.recommendations.RecommendationManagement;
import io.hearth.recommendations.RecommendationsProblem;
import io.hearth.recommendations.RecommendedItem;
import io.hearth.recommendations.Slate;
import io.hearth.shared.CustomerId;
import io.hearth.shared.HearthProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The recommendations page: the model served and its figures, the top items, online results per
 * strategy over 30 days, and a preview of one customer's slate with the reason for each item (not
 * recorded: looking does not tire the customer of the items).
 */
@Controller
class RecommendationsPage {

    private final RecommendationManagement recommendations;
    private final Clock clock;

    RecommendationsPage(RecommendationManagement recommendations, Clock clock) {
        this.recommendations = recommendations;
        this.clock = clock;
    }

    @GetMapping("/console/recommendations")
    String page(
            @AuthenticationPrincipal ConsoleUser user,
            @RequestParam(required = false) @Nullable String customer,
            Model model) {
        ModelSummary current = recommendations.currentModel(user.tenantId());
        List<RecommendedItem> top = recommendations.topItems(user.tenantId(), 10);
        Instant now = clock.instant();
        model.addAttribute("tenant", user.tenantId());
        model.addAttribute("summary", current);
        model.addAttribute("versions", recommendations.modelHistory(user.tenantId()));
        model.addAttribute("top", top);
        model.addAttribute(
                "topLabels", top.stream().map(RecommendationsPage::label).collect(Collectors.joining("|")));
        model.addAttribute(
                "topScores",
                top.stream().map(item -> String.format("%.3f", item.score())).collect(Collectors.joining(",")));
        model.addAttribute(
                "performance",
                recommendations.performance(user.tenantId(), now.minus(Duration.ofDays(30)), now.plusSeconds(1)));
        model.addAttribute("customer", customer == null ? "" : customer.strip());
        Slate slate = slate(user, customer);
        model.addAttribute("slate", slate);
        model.addAttribute("unknownCustomer", customer != null && !customer.isBlank() && slate == null);
        return "console/recommendations";
    }

    private @Nullable Slate slate(ConsoleUser user, @Nullable String customer) {
        if (customer == null || customer.isBlank()) {
            return null;
        }
        try {
            return recommendations.preview(user.tenantId(), CustomerId.of(customer.strip()), 10);
        } catch (HearthProblem problem) {
            if (problem.type() == RecommendationsProblem.UNKNOWN_CUSTOMER) {
                return null;
            }
            throw problem;
        }
    }

    private static String label(RecommendedItem item) {
        return (item.name() == null ? item.productId() : item.name()).replace('|', '/');
    }
}
