package io.hearth.messaging.internal;

import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A rendered message ready for its channel, with the links its headers need. */
record OutgoingMessage(
        TenantId tenant,
        CustomerId customer,
        UUID messageId,
        String recipient,
        @Nullable String subject,
        @Nullable String html,
        @Nullable String text,
        URI unsubscribeUrl) {}
