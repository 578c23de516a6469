package io.hearth.console.internal;

import io.hearth.journeys.ConversionComparison;
import io.hearth.journeys.JourneyManagement;
import io.hearth.journeys.JourneyStats;
import io.hearth.journeys.JourneyVersion;
import io.hearth.journeys.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The journey list and a journey's page: its steps as a graph and the funnel of what its runs did. */
@Controller
class JourneysConsole {

    private final JourneyManagement journeys;

    JourneysConsole(JourneyManagement journeys) {
        this.journeys = journeys;
    }

    /** One row of the list. */
    record Row(String key, String name, int version, String trigger, int steps, long entered, long sent) {}

    /** One step on the journey page: where it goes, and how its runs ended there. */
    record StepView(String id, String type, String goesTo, long sent, long suppressed, long waiting, String outcomes) {}

    /** Conversion of treated runs against held-out runs, as the page prints it. */
    record ConversionView(
            long treatedRuns,
            long treatedConverted,
            String treatedRate,
            String treatedRevenue,
            long controlRuns,
            long controlConverted,
            String controlRate,
            String controlRevenue,
            String difference,
            String interval,
            String lift,
            String verdict) {

        static ConversionView of(ConversionComparison comparison) {
            ConversionComparison.Group treated = comparison.treated();
            ConversionComparison.Group control = comparison.control();
            String verdict = comparison.difference() == null
                    ? "no comparison yet: it needs treated and held-out runs"
                    : comparison.significantlyBetter()
                            ? "the journey converts more than holding out"
                            : comparison.high() < 0
                                    ? "the journey converts less than holding out"
                                    : "no clear difference yet";
            return new ConversionView(
                    treated.runs(),
                    treated.converted(),
                    percent(treated.rate()),
                    money(treated.revenuePerRun()),
                    control.runs(),
                    control.converted(),
                    percent(control.rate()),
                    money(control.revenuePerRun()),
                    points(comparison.difference()),
                    comparison.low() == null ? "–" : points(comparison.low()) + " to " + points(comparison.high()),
                    comparison.lift() == null ? "–" : String.format(Locale.ROOT, "%+.0f %%", comparison.lift() * 100),
                    verdict);
        }

        private static String percent(@Nullable Double rate) {
            return rate == null ? "–" : String.format(Locale.ROOT, "%.1f %%", rate * 100);
        }

        private static String points(@Nullable Double difference) {
            return difference == null ? "–" : String.format(Locale.ROOT, "%+.1f pp", difference * 100);
        }

        private static String money(java.math.@Nullable BigDecimal amount) {
            return amount == null ? "–" : amount.toPlainString();
        }
    }

    @GetMapping("/console/journeys")
    String list(@AuthenticationPrincipal ConsoleUser user, Model model) {
        List<Row> rows = journeys.journeys(user.tenantId()).stream()
                .map(version -> {
                    JourneyStats stats =
                            journeys.stats(user.tenantId(), version.definition().key());
                    return new Row(
                            version.definition().key(),
                            version.definition().name(),
                            version.version(),
                            trigger(version),
                            version.definition().steps().size(),
                            stats.total("entered"),
                            stats.total("sent"));
                })
                .toList();
        model.addAttribute("journeys", rows);
        model.addAttribute("tenant", user.tenantId());
        return "console/journeys";
    }

    @GetMapping("/console/journeys/{key}")
    String journey(@AuthenticationPrincipal ConsoleUser user, @PathVariable String key, Model model) {
        JourneyVersion version = journeys.journey(user.tenantId(), key)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such journey"));
        JourneyStats stats = journeys.stats(user.tenantId(), key);
        List<StepView> steps = new ArrayList<>();
        List<Step> all = version.definition().steps();
        for (int i = 0; i < all.size(); i++) {
            Step step = all.get(i);
            steps.add(view(step, i + 1 < all.size() ? all.get(i + 1).id() : null, stats));
        }
        model.addAttribute("journey", version);
        model.addAttribute("trigger", trigger(version));
        model.addAttribute("steps", steps);
        model.addAttribute("entered", stats.total("entered"));
        model.addAttribute("funnelLabels", steps.stream().map(StepView::id).collect(Collectors.joining(",")));
        model.addAttribute(
                "funnelCounts",
                steps.stream()
                        .map(step -> String.valueOf(step.sent() + step.waiting()))
                        .collect(Collectors.joining(",")));
        model.addAttribute("conversion", ConversionView.of(stats.conversion()));
        model.addAttribute("tenant", user.tenantId());
        return "console/journey";
    }

    private static StepView view(Step step, @Nullable String following, JourneyStats stats) {
        List<JourneyStats.Count> own = stats.counts().stream()
                .filter(count -> count.step().equals(step.id()))
                .toList();
        long sent = own.stream()
                .filter(count -> count.outcome().equals("sent"))
                .mapToLong(JourneyStats.Count::count)
                .sum();
        long suppressed = own.stream()
                .filter(count -> count.outcome().equals("suppressed"))
                .mapToLong(JourneyStats.Count::count)
                .sum();
        long waiting = own.stream()
                .filter(count -> count.outcome().equals("waiting"))
                .mapToLong(JourneyStats.Count::count)
                .sum();
        String outcomes = own.stream()
                .map(count -> count.outcome() + (count.reason() == null ? "" : " (" + count.reason() + ")") + ": "
                        + count.count())
                .collect(Collectors.joining(", "));
        return new StepView(step.id(), type(step), targets(step, following), sent, suppressed, waiting, outcomes);
    }

    private static String targets(Step step, @Nullable String following) {
        String next = step.next() != null ? step.next() : following;
        return switch (step) {
            case Step.Branch branch -> "yes → " + branch.then() + ", no → " + branch.otherwise();
            case Step.WaitForEvent wait ->
                "event → " + (wait.onEvent() != null ? wait.onEvent() : next) + ", timeout → "
                        + (wait.onTimeout() != null ? wait.onTimeout() : next);
            case Step.Split split ->
                split.variants().stream()
                                .map(variant -> variant.id() + " " + variant.weight() + "% → "
                                        + (variant.next() != null ? variant.next() : next))
                                .collect(Collectors.joining(", "))
                        + (split.holdoutPercent() > 0 ? ", holdout " + split.holdoutPercent() + "% → end" : "");
            case Step.Exit exit -> "end";
            default -> next == null ? "end" : next;
        };
    }

    private static String type(Step step) {
        String simple = step.getClass().getSimpleName();
        return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
    }

    private static String trigger(JourneyVersion version) {
        return switch (version.definition().trigger()) {
            case io.hearth.journeys.Trigger.OnEvent event -> "event " + event.event();
            case io.hearth.journeys.Trigger.OnOrder order ->
                "order " + order.status().name().toLowerCase(java.util.Locale.ROOT);
            case io.hearth.journeys.Trigger.OnSegmentEntry segment -> "segment entry";
            case io.hearth.journeys.Trigger.OnSchedule schedule ->
                "schedule " + schedule.cron() + " " + schedule.zone();
            case io.hearth.journeys.Trigger.OnPrediction prediction ->
                "prediction " + prediction.prediction() + " ≥ " + prediction.threshold();
        };
    }
}
