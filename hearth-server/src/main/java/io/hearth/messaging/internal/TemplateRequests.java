package io.hearth.messaging.internal;

import io.hearth.messaging.MessageChannel;
import io.hearth.messaging.MessagingProblem;
import io.hearth.messaging.TemplateContent;
import io.hearth.messaging.TemplateDefinition;
import io.hearth.shared.FieldError;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.PlainJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reads a template definition from its JSON body, naming each bad field by its JSON pointer. */
final class TemplateRequests {

    private TemplateRequests() {}

    static TemplateDefinition parse(String key, JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        if (!body.isObject()) {
            throw new HearthProblem(
                    MessagingProblem.INVALID_TEMPLATE,
                    "The body must be a JSON object",
                    List.of(new FieldError("", "must be an object")));
        }
        TemplateDefinition.Kind kind = TemplateDefinition.Kind.MESSAGE;
        String kindText = text(body, "kind", errors);
        if (kindText != null) {
            try {
                kind = TemplateDefinition.Kind.valueOf(kindText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("/kind", "must be message or layout"));
            }
        }
        String channelText = text(body, "channel", errors);
        MessageChannel channel = channelText == null
                ? MessageChannel.EMAIL
                : MessageChannel.parse(channelText).orElse(null);
        if (channel == null) {
            errors.add(new FieldError("/channel", "must be email, sms, push, webhook or in-app"));
        }
        String defaultLocale = text(body, "defaultLocale", errors);
        Map<String, TemplateContent> locales = locales(body.get("locales"), errors);
        Map<String, Object> variables = variables(body.get("variables"), errors);
        LiquidTemplates.throwIfAny(errors);
        return new TemplateDefinition(
                key,
                kind,
                channel,
                text(body, "layout", errors),
                defaultLocale == null ? locales.keySet().stream().findFirst().orElse("en") : defaultLocale,
                locales,
                variables);
    }

    private static Map<String, TemplateContent> locales(@Nullable JsonNode node, List<FieldError> errors) {
        Map<String, TemplateContent> locales = new LinkedHashMap<>();
        if (node == null || !node.isObject() || node.isEmpty()) {
            errors.add(new FieldError("/locales", "must be an object with at least one locale"));
            return locales;
        }
        for (var entry : node.properties()) {
            JsonNode content = entry.getValue();
            if (!content.isObject()) {
                errors.add(new FieldError("/locales/" + entry.getKey(), "must be an object"));
                continue;
            }
            List<FieldError> own = new ArrayList<>();
            TemplateContent parsed = new TemplateContent(
                    text(content, "subject", own), text(content, "html", own), text(content, "text", own));
            own.forEach(error -> errors.add(error.under("/locales/" + entry.getKey())));
            locales.put(entry.getKey(), parsed);
        }
        return locales;
    }

    private static Map<String, Object> variables(@Nullable JsonNode node, List<FieldError> errors) {
        Map<String, Object> variables = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return variables;
        }
        if (!node.isObject()) {
            errors.add(new FieldError("/variables", "must be an object of sample values"));
            return variables;
        }
        for (var entry : node.properties()) {
            variables.put(entry.getKey(), plain(entry.getValue()));
        }
        return variables;
    }

    static @Nullable Object plain(JsonNode node) {
        return PlainJson.of(node);
    }

    static @Nullable String text(JsonNode node, String field, List<FieldError> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            errors.add(new FieldError("/" + field, "must be text"));
            return null;
        }
        return value.stringValue();
    }
}
