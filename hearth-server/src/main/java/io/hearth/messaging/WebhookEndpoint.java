package io.hearth.messaging;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The shop's endpoint for the webhook channel.
 *
 * @param secret the signing secret: only in the answer to configuring the endpoint (each
 *     configuration makes a new one), null when read back
 */
public record WebhookEndpoint(URI url, @Nullable String secret, Instant updatedAt) {

    public WebhookEndpoint {
        requireNonNull(url, "url is null");
        requireNonNull(updatedAt, "updatedAt is null");
    }
}
