package io.hearth.support.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Generative knowledge-base answers through an OpenAI-compatible chat-completions endpoint. Off by
 * default: without it, or when the endpoint fails or refuses, the assistant quotes the best passage.
 * A server setting rather than a shop's: the endpoint is where customers' questions are sent, which
 * is the operator's decision. The key comes from the environment
 * ({@code HEARTH_SUPPORT_GENERATIVE_API_KEY}) and has no default.
 *
 * @param baseUrl e.g. {@code http://localhost:11434} for a local server; {@code /v1/chat/completions} is
 *     appended
 */
@ConfigurationProperties("hearth.support.generative")
record GenerativeSettings(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("") String baseUrl,
        @DefaultValue("") String model,
        @DefaultValue("") String apiKey,
        @DefaultValue("PT10S") Duration timeout) {

    /** The name written to the decision log with each generated answer. */
    String version() {
        return "generative:" + (model.isBlank() ? "default" : model);
    }
}
