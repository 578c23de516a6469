package io.hearth.journeys.internal;

import io.hearth.journeys.JourneyDefinition;
import io.hearth.journeys.JourneyDefinition.EntryRules;
import io.hearth.journeys.JourneysProblem;
import io.hearth.journeys.Step;
import io.hearth.journeys.Trigger;
import io.hearth.shared.FieldError;
import io.hearth.shared.HearthProblem;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Reads a journey definition (JSON, or YAML read into the same tree) and checks it whole: every
 * problem is reported with the JSON pointer of its field, e.g. {@code /steps/2/condition}.
 */
@Component
class DefinitionParser {

    static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
    static final Pattern STEP_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private final StepParser steps;
    private final JourneyExpressions expressions;

    DefinitionParser(StepParser steps, JourneyExpressions expressions) {
        this.steps = steps;
        this.expressions = expressions;
    }

    JourneyDefinition parse(String key, JsonNode body, TemplateCheck templates) {
        Fields fields = new Fields(body, "");
        if (!body.isObject()) {
            throw invalid(List.of(new FieldError("", "must be an object")));
        }
        if (!KEY.matcher(key).matches()) {
            fields.error("/key", "must be lower case letters, digits and dashes, at most 100");
        }
        String name = fields.text("name", key);
        int priority = (int) fields.number("priority", 5, 1, 10);
        boolean transactional = fields.bool("transactional", false);
        Trigger trigger = trigger(fields.object("trigger"), fields);
        EntryRules entry = entry(fields.object("entry"), fields);
        List<String> exitWhen = exitWhen(body.get("exitWhen"), fields);
        List<Step> parsed = stepList(body.get("steps"), fields, templates);
        if (!fields.errors().isEmpty()) {
            throw invalid(fields.errors());
        }
        return new JourneyDefinition(key, name, priority, transactional, trigger, entry, exitWhen, parsed);
    }

    private Trigger trigger(Fields trigger, Fields root) {
        if (trigger.missing()) {
            root.error("/trigger", "is required");
            return new Trigger.OnEvent("", null);
        }
        String type = trigger.requiredText("type");
        return switch (type) {
            case "event" -> {
                String filter = trigger.text("filter", null);
                if (filter != null) {
                    expressions.problem(filter).ifPresent(problem -> trigger.error("/filter", problem));
                }
                yield new Trigger.OnEvent(trigger.requiredText("event"), filter);
            }
            case "order" -> new Trigger.OnOrder(trigger.orderStatus("status"));
            case "segment" -> new Trigger.OnSegmentEntry(trigger.uuid("segment"));
            case "prediction" ->
                new Trigger.OnPrediction(trigger.requiredText("prediction"), trigger.decimal("threshold"));
            case "schedule" -> schedule(trigger);
            default -> {
                trigger.error("/type", "must be event, order, segment, prediction or schedule");
                yield new Trigger.OnEvent("", null);
            }
        };
    }

    private Trigger schedule(Fields trigger) {
        String cron = trigger.requiredText("cron");
        if (!cron.isEmpty() && Schedules.cron(cron).isEmpty()) {
            trigger.error("/cron", "must be five cron fields: minute hour day-of-month month day-of-week");
        }
        String zone = trigger.text("zone", "UTC");
        ZoneId parsedZone = ZoneOffset.UTC;
        try {
            parsedZone = ZoneId.of(zone);
        } catch (DateTimeException e) {
            trigger.error("/zone", "must be a time zone such as Europe/Berlin");
        }
        return new Trigger.OnSchedule(cron, trigger.uuid("segment"), parsedZone);
    }

    private static EntryRules entry(Fields entry, Fields root) {
        if (entry.missing()) {
            return new EntryRules(false, 1);
        }
        return new EntryRules(entry.bool("reentry", false), (int) entry.number("maxConcurrent", 1, 1, 100));
    }

    private static List<String> exitWhen(JsonNode node, Fields root) {
        List<String> events = new ArrayList<>();
        if (node == null || node.isNull()) {
            return events;
        }
        if (!node.isArray()) {
            root.error("/exitWhen", "must be a list of event names");
            return events;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            JsonNode name = item.isObject() ? item.get("event") : item;
            if (name == null || !name.isString() || name.stringValue().isBlank()) {
                root.error("/exitWhen/" + i, "must be an event name");
            } else {
                events.add(name.stringValue());
            }
        }
        return events;
    }

    private List<Step> stepList(JsonNode node, Fields root, TemplateCheck templates) {
        List<Step> parsed = new ArrayList<>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            root.error("/steps", "must be a list of at least one step");
            return parsed;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            Fields step = new Fields(node.get(i), "/steps/" + i, root.errors());
            Step parsedStep = steps.parse(step, templates);
            if (parsedStep != null && !ids.add(parsedStep.id())) {
                step.error("/id", "is used by an earlier step");
            }
            if (parsedStep != null) {
                parsed.add(parsedStep);
            }
        }
        for (int i = 0; i < parsed.size(); i++) {
            for (String target : StepParser.targets(parsed.get(i))) {
                if (!ids.contains(target)) {
                    root.error("/steps/" + i, "goes to unknown step '" + target + "'");
                }
            }
        }
        return parsed;
    }

    static HearthProblem invalid(List<FieldError> errors) {
        return new HearthProblem(
                JourneysProblem.INVALID_JOURNEY, "The journey has " + errors.size() + " error(s)", errors);
    }

    /** Whether a template key is published, for send steps. */
    interface TemplateCheck {
        boolean exists(String template);
    }
}
