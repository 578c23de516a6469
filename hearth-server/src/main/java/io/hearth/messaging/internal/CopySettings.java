package io.hearth.messaging.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Generative copy through an OpenAI-compatible chat-completions endpoint. Off by default: without it
 * (or when the endpoint fails) copy variants come from deterministic templates over the product's
 * data. The key comes from the environment ({@code HEARTH_MESSAGING_COPY_API_KEY}) and has no default.
 *
 * @param baseUrl e.g. {@code http://localhost:11434} for a local server; {@code /v1/chat/completions} is
 *     appended
 */
@ConfigurationProperties("hearth.messaging.copy")
public record CopySettings(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("") String baseUrl,
        @DefaultValue("") String model,
        @DefaultValue("") String apiKey,
        @DefaultValue("PT10S") Duration timeout) {}
