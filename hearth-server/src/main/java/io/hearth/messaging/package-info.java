/**
 * Messaging: Liquid templates with layouts and locales, channels behind one port (email over SMTP,
 * SMS and push over provider HTTP APIs, signed webhooks, the in-app inbox), delivery that never sends
 * a message twice, tracking (open pixel, signed click redirects, one-click unsubscribe) and provider
 * feedback (deliveries, bounces, complaints, which suppress the address) that flow back as events
 * attributed to journey, step and variant.
 */
@NullMarked
package io.hearth.messaging;

import org.jspecify.annotations.NullMarked;
