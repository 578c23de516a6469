package io.hearth.messaging.internal;

import io.hearth.messaging.MessagingProblem;
import io.hearth.messaging.PublishedTemplate;
import io.hearth.messaging.RenderedMessage;
import io.hearth.messaging.TemplateContent;
import io.hearth.messaging.TemplateDefinition;
import io.hearth.messaging.VariableSource;
import io.hearth.shared.CustomerId;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.TenantId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Builds the variables of a message (every {@link VariableSource}, the caller's {@code vars}, the
 * message's own links under {@code message}) and renders a template in the customer's locale inside
 * its layout.
 */
@Component
class TemplateRenderer {

    private final LiquidTemplates liquid;
    private final TemplateStore store;
    private final List<VariableSource> sources;

    TemplateRenderer(LiquidTemplates liquid, TemplateStore store, List<VariableSource> sources) {
        this.liquid = liquid;
        this.store = store;
        this.sources = List.copyOf(sources);
    }

    /** Every namespace filled with its sample: what the publish check renders against. */
    Map<String, Object> sampleContext(Map<String, Object> declared) {
        Map<String, Object> context = new LinkedHashMap<>();
        sources.forEach(source -> context.put(source.namespace(), source.sample()));
        context.put("vars", declared);
        context.put("message", Map.of("unsubscribe_url", "https://example.invalid/unsubscribe"));
        return context;
    }

    /** The customer's own variables; a namespace its source cannot fill is left out. */
    Map<String, Object> customerContext(
            TenantId tenant,
            PublishedTemplate template,
            CustomerId customer,
            Map<String, Object> vars,
            Map<String, Object> messageLinks) {
        return context(tenant, template, customer, vars, messageLinks, false);
    }

    /** As {@link #customerContext}, with each source's preview value (no effects such as recorded slates). */
    Map<String, Object> previewContext(
            TenantId tenant,
            PublishedTemplate template,
            CustomerId customer,
            Map<String, Object> vars,
            Map<String, Object> messageLinks) {
        return context(tenant, template, customer, vars, messageLinks, true);
    }

    /**
     * Only the namespaces the template (or its layout) mentions are resolved: resolving can cost a
     * query, and a recommendation slate that is resolved is recorded as shown.
     */
    private Map<String, Object> context(
            TenantId tenant,
            PublishedTemplate template,
            CustomerId customer,
            Map<String, Object> vars,
            Map<String, Object> messageLinks,
            boolean preview) {
        Map<String, Object> context = new LinkedHashMap<>();
        String mentioned = sourceText(tenant, template.definition());
        sources.stream()
                .filter(source -> mentioned.contains(source.namespace()))
                .forEach(source -> (preview ? source.preview(tenant, customer) : source.resolve(tenant, customer))
                        .ifPresent(value -> context.put(source.namespace(), value)));
        context.put("vars", vars);
        context.put("message", messageLinks);
        return context;
    }

    /**
     * Renders the template in the best locale for {@code preferred} (exact tag, then language, then
     * the default).
     *
     * @throws LiquidTemplates.RenderFailed naming the variable that is missing
     */
    RenderedMessage render(
            TenantId tenant, PublishedTemplate template, @Nullable String preferred, Map<String, Object> context) {
        TemplateDefinition definition = template.definition();
        String locale = chooseLocale(definition, preferred);
        TemplateContent content = definition.locales().get(locale);
        String subject = part(content.subject(), context, false);
        String html = part(content.html(), context, true);
        String text = part(content.text(), context, false);
        if (definition.layout() != null) {
            PublishedTemplate layout = store.latest(tenant, definition.layout())
                    .orElseThrow(() ->
                            new HearthProblem(MessagingProblem.UNKNOWN_TEMPLATE, "No layout " + definition.layout()));
            TemplateContent frame = layout.definition().locales().get(chooseLocale(layout.definition(), locale));
            html = html == null ? null : wrap(frame.html(), html, context, true);
            text = text == null ? null : wrap(frame.text(), text, context, false);
        }
        return new RenderedMessage(definition.key(), template.version(), locale, subject, html, text);
    }

    private String sourceText(TenantId tenant, TemplateDefinition definition) {
        StringBuilder text = new StringBuilder();
        definition
                .locales()
                .values()
                .forEach(content ->
                        text.append(content.subject()).append(content.html()).append(content.text()));
        if (definition.layout() != null) {
            store.latest(tenant, definition.layout())
                    .ifPresent(layout -> layout.definition()
                            .locales()
                            .values()
                            .forEach(content -> text.append(content.html()).append(content.text())));
        }
        return text.toString();
    }

    static String chooseLocale(TemplateDefinition definition, @Nullable String preferred) {
        if (preferred == null || preferred.isBlank()) {
            return definition.defaultLocale();
        }
        String tag = preferred.replace('_', '-');
        for (String candidate : List.of(tag, tag.split("-")[0])) {
            for (String locale : definition.locales().keySet()) {
                if (locale.equalsIgnoreCase(candidate)) {
                    return locale;
                }
            }
        }
        return definition.defaultLocale();
    }

    private @Nullable String part(@Nullable String source, Map<String, Object> context, boolean html) {
        return source == null ? null : liquid.render(source, context, html);
    }

    private @Nullable String wrap(@Nullable String frame, String inner, Map<String, Object> context, boolean html) {
        if (frame == null) {
            return inner;
        }
        Map<String, Object> framed = new LinkedHashMap<>(context);
        // The message is already rendered (and escaped where needed): the layout inserts it as is.
        String marker = "hearth-content-" + Integer.toHexString(System.identityHashCode(inner));
        framed.put("content", marker);
        return liquid.render(frame, framed, html).replace(marker, inner);
    }
}
