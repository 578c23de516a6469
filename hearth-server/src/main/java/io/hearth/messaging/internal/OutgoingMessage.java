package io.hearth.messaging.internal;

import io.hearth.messaging.Attribution;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A rendered message ready for its channel, with the links its headers need.
 *
 * @param statusUrl where the provider reports what became of the message (delivered, undeliverable);
 *     signed like the tracking links, so it needs no API key
 */
record OutgoingMessage(
        TenantId tenant,
        CustomerId customer,
        UUID messageId,
        String templateKey,
        Attribution attribution,
        String recipient,
        @Nullable String subject,
        @Nullable String html,
        @Nullable String text,
        URI unsubscribeUrl,
        URI statusUrl) {}
