package io.hearth.support;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The secret a shop's backend signs its customers' chat tokens with.
 *
 * @param secret the secret itself: only in the answer to rotating it, never afterwards
 * @param previousValidUntil until when tokens signed with the secret before this one are still accepted;
 *     null when none is
 */
public record WidgetSecret(
        @Nullable String secret,
        Instant createdAt,
        @Nullable Instant previousValidUntil) {}
