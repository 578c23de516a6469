package io.hearth.messaging;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An address that is not sent to again on its channel.
 *
 * @param messageId the message whose bounce or complaint caused it, when known
 * @param detail what the provider said (an SMTP or DSN status, a provider error code)
 */
public record Suppression(
        MessageChannel channel,
        String address,
        Reason reason,
        @Nullable String detail,
        @Nullable UUID messageId,
        Instant createdAt) {

    public Suppression {
        requireNonNull(channel, "channel is null");
        requireNonNull(address, "address is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(createdAt, "createdAt is null");
    }

    /** Why the address is suppressed. */
    public enum Reason {
        /** The address does not exist or cannot receive (SMTP 5xx, DSN 5.x.x, unknown number, dead token). */
        HARD_BOUNCE,
        /** The recipient reported a message as spam (ARF abuse report) or replied STOP. */
        COMPLAINT;

        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Reason of(String key) {
            return valueOf(key.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }
}
