package io.hearth.messaging;

import org.jspecify.annotations.Nullable;

/** A template rendered for one customer: what the customer would receive. */
public record RenderedMessage(
        String templateKey,
        int version,
        String locale,
        @Nullable String subject,
        @Nullable String html,
        @Nullable String text) {}
