package io.hearth.platform;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The key that seals stored secrets (AES-256-GCM).
 *
 * @param key base64 of 32 random bytes ({@code HEARTH_SECRET_KEY}, e.g. {@code openssl rand -base64 32});
 *     when empty, Hearth generates one and keeps it in {@code <dataDir>/secret.key}
 * @param previous keys used before the current one ({@code HEARTH_SECRET_PREVIOUS}, comma-separated):
 *     values they sealed still open and are sealed again with the current key at start-up
 */
@ConfigurationProperties("hearth.secret")
public record SecretSettings(
        @Nullable String key, @DefaultValue List<String> previous) {

    public SecretSettings {
        previous = List.copyOf(previous);
    }
}
