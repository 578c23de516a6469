package io.hearth.messaging;

import org.jspecify.annotations.Nullable;

/**
 * The text of a template in one locale, in Liquid. Email uses all three; SMS and push use
 * {@code text} (push also {@code subject} as its title); a layout has {@code html} and {@code text}
 * with {@code {{ content }}} where the message goes.
 */
public record TemplateContent(
        @Nullable String subject,
        @Nullable String html,
        @Nullable String text) {}
