package io.hearth.messaging.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Subject-line and product-blurb variants. With generative copy enabled it asks the configured
 * OpenAI-compatible endpoint for candidates, keeps those the guardrails allow and tops up with the
 * deterministic template variants; disabled, or when the endpoint fails, it answers the template
 * variants alone. Every variant says where it came from, every refused candidate why.
 */
@Component
class CopyWriter {

    private static final Logger log = LoggerFactory.getLogger(CopyWriter.class);

    private final CopySettings settings;
    private final JsonMapper json;
    private final HttpClient http;

    CopyWriter(CopySettings settings, JsonMapper json) {
        this.settings = settings;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    /** What to write. */
    enum Kind {
        SUBJECT(78),
        BLURB(300);

        final int maxLength;

        Kind(int maxLength) {
            this.maxLength = maxLength;
        }
    }

    record Variant(String text, String source) {}

    record Refused(String text, String reason) {}

    record Variants(List<Variant> variants, List<Refused> refused) {}

    Variants write(Kind kind, Map<String, String> facts, int count) {
        String known = String.join(" ", facts.values());
        Set<String> taken = new LinkedHashSet<>();
        List<Variant> variants = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        for (String candidate : settings.enabled() ? generated(kind, facts, count) : List.<String>of()) {
            var refusal = CopyGuardrails.refusal(candidate, known, kind.maxLength);
            if (refusal.isPresent()) {
                refused.add(new Refused(candidate, refusal.get()));
            } else if (variants.size() < count && taken.add(candidate)) {
                variants.add(new Variant(candidate, "model"));
            }
        }
        List<String> templates = kind == Kind.SUBJECT ? TemplateCopy.subjects(facts) : TemplateCopy.blurbs(facts);
        for (String line : templates) {
            if (variants.size() < count && taken.add(line)) {
                variants.add(new Variant(line, "template"));
            }
        }
        return new Variants(variants, refused);
    }

    private List<String> generated(Kind kind, Map<String, String> facts, int count) {
        String listed = facts.entrySet().stream()
                .map(entry -> entry.getKey() + ": " + entry.getValue())
                .collect(Collectors.joining("\n"));
        String ask = (kind == Kind.SUBJECT
                        ? "Write " + count + " email subject lines"
                        : "Write " + count + " one-sentence product blurbs")
                + ", one per line, no numbering. Use only these facts; mention no price, number, discount or"
                + " claim that is not in them.\n" + listed;
        Map<String, Object> body = Map.of(
                "model",
                settings.model(),
                "temperature",
                0.7,
                "messages",
                List.of(
                        Map.of("role", "system", "content", "You write short, factual marketing copy for a shop."),
                        Map.of("role", "user", "content", ask)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.baseUrl() + "/v1/chat/completions"))
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + settings.apiKey())
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) {
                log.warn("copy endpoint answered {}; using template copy", answer.statusCode());
                return List.of();
            }
            return lines(json.readTree(answer.body()));
        } catch (IOException | JacksonException e) {
            log.warn(
                    "copy endpoint failed ({}); using template copy",
                    e.getClass().getSimpleName());
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    private static List<String> lines(JsonNode answer) {
        List<String> lines = new ArrayList<>();
        for (JsonNode choice : answer.path("choices")) {
            for (String line :
                    choice.path("message").path("content").asString("").split("\n")) {
                String clean =
                        line.strip().replaceFirst("^([-*•]|\\d+[.)])\\s*", "").replaceAll("^\"|\"$", "");
                if (!clean.isBlank()) {
                    lines.add(clean);
                }
            }
        }
        return lines;
    }
}
