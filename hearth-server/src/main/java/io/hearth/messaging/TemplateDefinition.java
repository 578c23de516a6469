package io.hearth.messaging;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A template as its author writes it. Publishing checks every locale's Liquid and every variable it
 * uses against what the send will provide, so a misspelt variable is an error then and never blank
 * text in a customer's inbox.
 *
 * @param key stable name journeys refer to: lower case, digits and dashes
 * @param layout key of a published layout to wrap the message in, or null
 * @param locales the text per locale tag ({@code en}, {@code de-CH}); must contain the default
 * @param variables extra variables the template needs beyond the built-in ones, with a sample value
 *     each (the preview and the publish check use the sample; a send must provide them under
 *     {@code vars})
 */
public record TemplateDefinition(
        String key,
        Kind kind,
        MessageChannel channel,
        @Nullable String layout,
        String defaultLocale,
        Map<String, TemplateContent> locales,
        Map<String, Object> variables) {

    public TemplateDefinition {
        requireNonNull(key, "key is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(channel, "channel is null");
        requireNonNull(defaultLocale, "defaultLocale is null");
        locales = Map.copyOf(locales);
        variables = Map.copyOf(variables);
    }

    /** A message to send, or a layout that wraps messages. */
    public enum Kind {
        MESSAGE,
        LAYOUT
    }
}
