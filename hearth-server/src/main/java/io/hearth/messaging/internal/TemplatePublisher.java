package io.hearth.messaging.internal;

import io.hearth.messaging.MessageChannel;
import io.hearth.messaging.PublishedTemplate;
import io.hearth.messaging.TemplateContent;
import io.hearth.messaging.TemplateDefinition;
import io.hearth.shared.FieldError;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Publishes a template after checking it the way a send would use it: every locale's every part is
 * rendered against the shapes of all variable namespaces plus the declared variables, so a variable
 * that would be missing at send time is an error now, with the JSON pointer of the part.
 */
@Component
class TemplatePublisher {

    static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

    private final TemplateStore store;
    private final TemplateRenderer renderer;
    private final LiquidTemplates liquid;
    private final Clock clock;

    TemplatePublisher(TemplateStore store, TemplateRenderer renderer, LiquidTemplates liquid, Clock clock) {
        this.store = store;
        this.renderer = renderer;
        this.liquid = liquid;
        this.clock = clock;
    }

    PublishedTemplate publish(TenantId tenant, TemplateDefinition definition) {
        List<FieldError> errors = new ArrayList<>();
        if (!KEY.matcher(definition.key()).matches()) {
            errors.add(new FieldError("/key", "must be lower case letters, digits and dashes, at most 100"));
        }
        if (!definition.locales().containsKey(definition.defaultLocale())) {
            errors.add(new FieldError("/defaultLocale", "must be one of the locales"));
        }
        checkLayout(tenant, definition, errors);
        Map<String, Object> context = renderer.sampleContext(definition.variables());
        if (definition.kind() == TemplateDefinition.Kind.LAYOUT) {
            context = new LinkedHashMap<>(context);
            context.put("content", "");
        }
        Map<String, Object> sample = context;
        definition.locales().forEach((locale, content) -> checkLocale(definition, locale, content, sample, errors));
        LiquidTemplates.throwIfAny(errors);
        return store.publish(tenant, definition, clock.instant());
    }

    private void checkLayout(TenantId tenant, TemplateDefinition definition, List<FieldError> errors) {
        if (definition.layout() == null) {
            return;
        }
        Optional<PublishedTemplate> layout = store.latest(tenant, definition.layout());
        if (layout.isEmpty() || layout.get().definition().kind() != TemplateDefinition.Kind.LAYOUT) {
            errors.add(new FieldError("/layout", "no published layout '" + definition.layout() + "'"));
        }
    }

    private void checkLocale(
            TemplateDefinition definition,
            String locale,
            TemplateContent content,
            Map<String, Object> context,
            List<FieldError> errors) {
        String at = "/locales/" + locale.replace("~", "~0").replace("/", "~1");
        if (definition.kind() == TemplateDefinition.Kind.MESSAGE) {
            requireParts(definition.channel(), content, at, errors);
        }
        check(content.subject(), context, at + "/subject", errors);
        check(content.html(), context, at + "/html", errors);
        check(content.text(), context, at + "/text", errors);
        if (definition.kind() == TemplateDefinition.Kind.LAYOUT
                && !mentionsContent(content.html())
                && !mentionsContent(content.text())) {
            errors.add(new FieldError(at, "a layout must insert {{ content }}"));
        }
    }

    private static void requireParts(
            MessageChannel channel, TemplateContent content, String at, List<FieldError> errors) {
        if (channel == MessageChannel.EMAIL && isBlank(content.subject())) {
            errors.add(new FieldError(at + "/subject", "an email needs a subject"));
        }
        if (channel == MessageChannel.EMAIL && isBlank(content.html()) && isBlank(content.text())) {
            errors.add(new FieldError(at + "/html", "an email needs html or text"));
        }
        if (channel != MessageChannel.EMAIL && isBlank(content.text())) {
            errors.add(new FieldError(at + "/text", "a " + channel.key() + " message needs text"));
        }
    }

    private void check(@Nullable String source, Map<String, Object> context, String pointer, List<FieldError> errors) {
        if (source != null) {
            liquid.check(source, context).ifPresent(problem -> errors.add(new FieldError(pointer, problem)));
        }
    }

    private static boolean mentionsContent(@Nullable String source) {
        return source != null && source.replace(" ", "").contains("{{content}}");
    }

    private static boolean isBlank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
