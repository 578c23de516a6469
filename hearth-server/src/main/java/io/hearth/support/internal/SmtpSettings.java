package io.hearth.support.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The SMTP receiver for support mail ({@code hearth.support.smtp}): off unless enabled, so a node
 * opens no port it was not asked to.
 *
 * @param port the TCP port; 0 picks a free one (tests)
 * @param bindAddress the interface listened on; loopback by default, so only a relay on the same host
 *     reaches it until the operator opens it on purpose
 * @param maxMessageSize larger mails are refused with 552 (advertised as SIZE)
 * @param maxConnections more concurrent senders are turned away with 421, to be retried later
 * @param idleTimeout a sender silent for this long is dropped with 421
 * @param hostname the name in the greeting and the Received header
 * @param keepHandled how long a handled mail's bytes are kept (for an operator's look) before they
 *     are dropped
 */
@ConfigurationProperties("hearth.support.smtp")
record SmtpSettings(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("2525") int port,
        @DefaultValue("127.0.0.1") String bindAddress,
        @DefaultValue("10MB") DataSize maxMessageSize,
        @DefaultValue("32") int maxConnections,
        @DefaultValue("PT5M") Duration idleTimeout,
        @DefaultValue("hearth.local") String hostname,
        @DefaultValue("P7D") Duration keepHandled) {

    SmtpSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("hearth.support.smtp.port must be a TCP port (or 0 for any free one)");
        }
        if (maxMessageSize.toBytes() < 1024 || maxMessageSize.toBytes() > Integer.MAX_VALUE - 1024) {
            throw new IllegalArgumentException("hearth.support.smtp.max-message-size must be between 1KB and 2GB");
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("hearth.support.smtp.max-connections must be at least 1");
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("hearth.support.smtp.idle-timeout must be positive");
        }
        if (keepHandled.isNegative()) {
            throw new IllegalArgumentException("hearth.support.smtp.keep-handled must not be negative");
        }
    }
}
