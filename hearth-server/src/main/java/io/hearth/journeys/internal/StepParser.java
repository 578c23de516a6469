package io.hearth.journeys.internal;

import io.hearth.journeys.Step;
import io.hearth.messaging.MessageChannel;
import io.hearth.privacy.Purpose;
import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Reads one step by its {@code type}, checking what that type needs. */
@Component
class StepParser {

    private final JourneyExpressions expressions;

    StepParser(JourneyExpressions expressions) {
        this.expressions = expressions;
    }

    @Nullable
    Step parse(Fields step, DefinitionParser.TemplateCheck templates) {
        if (step.missing()) {
            step.error("", "must be an object");
            return null;
        }
        String id = step.requiredText("id");
        if (!id.isEmpty() && !DefinitionParser.STEP_ID.matcher(id).matches()) {
            step.error("/id", "must be letters, digits, dashes and underscores, at most 64");
        }
        String next = step.text("next", null);
        String type = step.requiredText("type");
        return switch (type) {
            case "send" -> send(step, id, next, templates);
            case "wait" -> wait(step, id, next);
            case "waitForEvent" ->
                new Step.WaitForEvent(
                        id,
                        next,
                        step.requiredText("event"),
                        Objects.requireNonNullElse(step.duration("timeout", true), Duration.ofDays(1)),
                        step.text("onEvent", null),
                        step.text("onTimeout", null));
            case "branch" -> branch(step, id, next);
            case "split" -> split(step, id, next);
            case "updateTrait" -> updateTrait(step, id, next);
            case "webhook" -> new Step.Webhook(id, next, url(step));
            case "awardPoints" ->
                new Step.AwardPoints(
                        id,
                        next,
                        step.number("points", 0, 1, 1_000_000),
                        Objects.requireNonNullElse(step.text("reason", null), "journey"));
            case "issueVoucher" -> issueVoucher(step, id, next);
            case "bestAction" -> bestAction(step, id, next, templates);
            case "exit" -> new Step.Exit(id, next);
            case "" -> null;
            default -> {
                step.error(
                        "/type",
                        "must be send, wait, waitForEvent, branch, split, updateTrait, webhook, "
                                + "awardPoints, issueVoucher, bestAction or exit");
                yield null;
            }
        };
    }

    /** Every step id a step can go to. */
    static List<String> targets(Step step) {
        Stream<String> own = Stream.of(step.next());
        Stream<String> extra = switch (step) {
            case Step.WaitForEvent wait -> Stream.of(wait.onEvent(), wait.onTimeout());
            case Step.Branch branch -> Stream.of(branch.then(), branch.otherwise());
            case Step.Split split -> split.variants().stream().map(Step.Variant::next);
            default -> Stream.empty();
        };
        return Stream.concat(own, extra).filter(Objects::nonNull).toList();
    }

    private static Step send(Fields step, String id, @Nullable String next, DefinitionParser.TemplateCheck templates) {
        String template = step.requiredText("template");
        if (!template.isEmpty() && !templates.exists(template)) {
            step.error("/template", "no published template '" + template + "'");
        }
        String channelText = step.text("channel", "email");
        MessageChannel channel = MessageChannel.parse(channelText).orElse(MessageChannel.EMAIL);
        if (MessageChannel.parse(channelText).isEmpty()) {
            step.error("/channel", "must be email, sms, push, webhook or in-app");
        }
        String purposeText = step.text("purpose", "marketing");
        Purpose purpose = Purpose.parse(purposeText).orElse(Purpose.MARKETING);
        if (Purpose.parse(purposeText).isEmpty()) {
            step.error("/purpose", "must be marketing, personalization, profiling or analytics");
        }
        return new Step.Send(id, next, template, channel, purpose);
    }

    private static Step bestAction(
            Fields step, String id, @Nullable String next, DefinitionParser.TemplateCheck templates) {
        JsonNode actions = step.raw("actions");
        List<Step.Action> parsed = new ArrayList<>();
        if (actions == null || !actions.isArray() || actions.isEmpty()) {
            step.error("/actions", "must be a list of at least one action");
        } else {
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (int i = 0; i < actions.size(); i++) {
                Fields action = new Fields(actions.get(i), step.at() + "/actions/" + i, step.errors());
                Step.Send send = (Step.Send) send(action, id, next, templates);
                String actionId = action.requiredText("id");
                if (!ids.add(actionId)) {
                    action.error("/id", "is used by an earlier action");
                }
                parsed.add(new Step.Action(
                        actionId, send.template(), send.channel(), action.number("value", 1, 0, 1_000_000)));
            }
        }
        String purposeText = step.text("purpose", "marketing");
        Purpose purpose = Purpose.parse(purposeText).orElse(Purpose.MARKETING);
        if (Purpose.parse(purposeText).isEmpty()) {
            step.error("/purpose", "must be marketing, personalization, profiling or analytics");
        }
        Duration backoff = step.duration("backoff", false);
        return new Step.BestAction(
                id,
                next,
                parsed,
                purpose,
                (int) step.number("backoffAfterIgnored", 3, 1, 100),
                backoff == null ? Duration.ofDays(7) : backoff);
    }

    private static Step wait(Fields step, String id, @Nullable String next) {
        Duration duration = step.duration("duration", false);
        LocalTime until = step.time("until");
        boolean best = step.bool("bestSendTime", false);
        int given = (duration != null ? 1 : 0) + (until != null ? 1 : 0) + (best ? 1 : 0);
        if (given != 1 && step.errors().stream().noneMatch(e -> e.pointer().startsWith(step.at() + "/"))) {
            step.error("", "a wait needs exactly one of duration, until or bestSendTime");
        }
        return new Step.Wait(id, next, duration, until, best);
    }

    private Step branch(Fields step, String id, @Nullable String next) {
        String condition = step.requiredText("condition");
        if (!condition.isEmpty()) {
            expressions.problem(condition).ifPresent(problem -> step.error("/condition", problem));
        }
        return new Step.Branch(id, next, condition, step.text("then", null), step.text("else", null));
    }

    private static Step split(Fields step, String id, @Nullable String next) {
        int holdout = (int) step.number("holdout", 0, 0, 100);
        JsonNode variants = step.raw("variants");
        List<Step.Variant> parsed = new ArrayList<>();
        if (variants == null || !variants.isArray() || variants.isEmpty()) {
            step.error("/variants", "must be a list of at least one variant");
            return new Step.Split(id, next, parsed, holdout);
        }
        int total = 0;
        for (int i = 0; i < variants.size(); i++) {
            Fields variant = new Fields(variants.get(i), step.at() + "/variants/" + i, step.errors());
            Step.Variant read = new Step.Variant(
                    variant.requiredText("id"), (int) variant.number("weight", 0, 1, 100), variant.text("next", null));
            total += read.weight();
            parsed.add(read);
        }
        if (total != 100) {
            step.error("/variants", "weights must add up to 100, not " + total);
        }
        return new Step.Split(id, next, parsed, holdout);
    }

    private static Step updateTrait(Fields step, String id, @Nullable String next) {
        String trait = step.requiredText("trait");
        JsonNode value = step.raw("value");
        if (value == null || value.isNull() || value.isContainer()) {
            step.error("/value", "must be text, a number or true/false");
        }
        return new Step.UpdateTrait(
                id, next, trait, value == null ? "" : Objects.requireNonNullElse(JsonValues.plain(value), ""));
    }

    private static URI url(Fields step) {
        String text = step.requiredText("url");
        try {
            URI url = URI.create(text);
            if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
                step.error("/url", "must be an http or https URL");
            }
            return url;
        } catch (IllegalArgumentException e) {
            step.error("/url", "must be an http or https URL");
            return URI.create("http://invalid.invalid");
        }
    }

    private static Step.IssueVoucher issueVoucher(Fields step, String id, @Nullable String next) {
        String offer = step.text("offer", null);
        if (offer != null && VoucherOffer.parse(offer).isEmpty()) {
            step.error("/offer", VoucherOffer.FORMS);
        }
        return new Step.IssueVoucher(id, next, offer);
    }
}
