/**
 * Messaging: Liquid templates with layouts and locales, channels behind one port (email over SMTP
 * today), delivery that never sends a message twice, and tracking (open pixel, signed click
 * redirects, one-click unsubscribe) that flows back as events attributed to journey, step and variant.
 */
@NullMarked
package io.hearth.messaging;

import org.jspecify.annotations.NullMarked;
