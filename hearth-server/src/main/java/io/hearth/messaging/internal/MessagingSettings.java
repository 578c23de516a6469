package io.hearth.messaging.internal;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the messaging module.
 *
 * @param publicUrl where customers reach this server: tracking pixels, click redirects and
 *     unsubscribe links start with it
 * @param smtpHost the mail relay (SMTP) host
 * @param smtpPort its port
 * @param smtpTimeout connect and read timeout of one SMTP conversation
 * @param from the sender address of email
 * @param maxAttempts attempts per message before a transient refusal becomes a failure
 * @param retryBackoff wait before the second attempt; it doubles with each further one
 * @param retryCheck how often the retry job looks for messages due another attempt
 * @param channels the HTTP providers of SMS and push
 */
@ConfigurationProperties("hearth.messaging")
public record MessagingSettings(
        @DefaultValue("http://localhost:8080") URI publicUrl,
        @DefaultValue("localhost") String smtpHost,
        @DefaultValue("25") int smtpPort,
        @DefaultValue("PT10S") Duration smtpTimeout,
        @DefaultValue("shop@localhost") String from,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("PT1M") Duration retryBackoff,
        @DefaultValue("PT10S") Duration retryCheck,
        @DefaultValue Channels channels) {

    public MessagingSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("hearth.messaging.max-attempts must be at least 1");
        }
        if (smtpPort < 1 || smtpPort > 65535) {
            throw new IllegalArgumentException("hearth.messaging.smtp-port must be a TCP port");
        }
    }

    /** The wait before attempt number {@code attempt + 1}, after {@code attempt} attempts. */
    Duration backoffAfter(int attempt) {
        return retryBackoff.multipliedBy(1L << Math.min(attempt - 1, 20));
    }

    /**
     * Provider settings of the HTTP channels. Account ids and tokens come from the environment
     * ({@code HEARTH_MESSAGING_CHANNELS_SMS_TOKEN}, …) and have no defaults; a channel without its
     * account fails its sends permanently, naming what is missing.
     *
     * @param smsBaseUrl a Twilio-style API, e.g. {@code https://api.twilio.com}
     * @param pushBaseUrl an FCM-style API, e.g. {@code https://fcm.googleapis.com}
     */
    public record Channels(
            @DefaultValue("https://api.twilio.com") String smsBaseUrl,
            @DefaultValue("") String smsAccount,
            @DefaultValue("") String smsToken,
            @DefaultValue("") String smsFrom,
            @DefaultValue("https://fcm.googleapis.com") String pushBaseUrl,
            @DefaultValue("") String pushProject,
            @DefaultValue("") String pushToken,
            @DefaultValue("PT10S") Duration providerTimeout) {}
}
