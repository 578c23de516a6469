package io.hearth.messaging;

import static java.util.Objects.requireNonNull;

import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Something happened to a message: it was sent, failed, was opened or clicked, or its recipient
 * unsubscribed through it. Published after the change committed; delivery to listeners is at least
 * once.
 *
 * @param url the link clicked, for {@link Kind#CLICKED}
 */
public record MessageEngaged(
        TenantId tenantId,
        UUID messageId,
        CustomerId customerId,
        Kind kind,
        Attribution attribution,
        @Nullable String url,
        Instant at) {

    public MessageEngaged {
        requireNonNull(tenantId, "tenantId is null");
        requireNonNull(messageId, "messageId is null");
        requireNonNull(customerId, "customerId is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(attribution, "attribution is null");
        requireNonNull(at, "at is null");
    }

    /** What happened. */
    public enum Kind {
        SENT,
        FAILED,
        SUPPRESSED,
        /** The provider reports it reached the handset or device (SMS status callbacks). */
        DELIVERED,
        /** It bounced hard (a DSN, or the provider reported the address dead): the address is suppressed. */
        BOUNCED,
        /** The recipient reported it as spam or replied STOP: suppressed and marketing consent withdrawn. */
        COMPLAINED,
        OPENED,
        CLICKED,
        UNSUBSCRIBED;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
