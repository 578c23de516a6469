package io.hearth.support.internal;

import io.hearth.ml.retrieval.RetrievedPassage;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers a question from the retrieved passages alone through the configured OpenAI-compatible
 * endpoint ({@link GenerativeSettings}). The model is told to cite the passages it used as [1], [2]
 * and to say NO_ANSWER when they do not hold the answer; an answer that cites no passage, or names a
 * number none of its cited passages contains, is refused here too, so what reaches the customer is
 * grounded in the shop's own articles.
 */
@Component
class GroundedAnswers {

    private static final Logger log = LoggerFactory.getLogger(GroundedAnswers.class);
    static final String NO_ANSWER = "NO_ANSWER";
    private static final Pattern CITATION = Pattern.compile("\\[(\\d{1,2})]");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)?");
    private static final String SYSTEM = "You answer a shop's customers. Use only the numbered passages from the"
            + " shop's help articles. If they do not contain the answer, reply exactly " + NO_ANSWER + "."
            + " Otherwise answer in at most three sentences and cite every passage you used as [1], [2].";

    /** What the endpoint made of the question. */
    sealed interface Generation {
        /** Generation is off, or there was nothing to ground an answer in. */
        record None() implements Generation {}

        /** A grounded answer, its citation marks removed, and the passages it cited. */
        record Answered(String text, List<RetrievedPassage> cited) implements Generation {}

        /** The passages do not hold the answer, by the model's word or by this class's checks. */
        record Refused(String reason) implements Generation {}

        /** The endpoint could not be reached or answered nonsense. */
        record Unavailable(String reason) implements Generation {}
    }

    static final Generation NONE = new Generation.None();

    private final GenerativeSettings settings;
    private final JsonMapper json;
    private final HttpClient http;

    GroundedAnswers(GenerativeSettings settings, JsonMapper json) {
        this.settings = settings;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    boolean enabled() {
        return settings.enabled() && !settings.baseUrl().isBlank();
    }

    String version() {
        return settings.version();
    }

    Generation answer(String question, List<RetrievedPassage> passages) {
        if (!enabled() || passages.isEmpty()) {
            return NONE;
        }
        StringBuilder ask = new StringBuilder("Passages:\n");
        for (int i = 0; i < passages.size(); i++) {
            var passage = passages.get(i).passage();
            ask.append('[')
                    .append(i + 1)
                    .append("] (")
                    .append(passage.title())
                    .append(") ")
                    .append(passage.text())
                    .append('\n');
        }
        ask.append("\nQuestion: ").append(question);
        Map<String, Object> body = Map.of(
                "model",
                settings.model(),
                "temperature",
                0,
                "messages",
                List.of(
                        Map.of("role", "system", "content", SYSTEM),
                        Map.of("role", "user", "content", ask.toString())));
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.baseUrl() + "/v1/chat/completions"))
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + settings.apiKey())
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) {
                log.warn("generative endpoint answered {}; quoting the passage instead", answer.statusCode());
                return new Generation.Unavailable("endpoint answered " + answer.statusCode());
            }
            String content = json.readTree(answer.body())
                    .path("choices")
                    .path(0)
                    .path("message")
                    .path("content")
                    .asString("")
                    .strip();
            return check(content, passages);
        } catch (IOException | JacksonException | IllegalArgumentException e) {
            log.warn(
                    "generative endpoint failed ({}); quoting the passage instead",
                    e.getClass().getSimpleName());
            return new Generation.Unavailable(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Generation.Unavailable("interrupted");
        }
    }

    /** The model's text as an answer, or why it is not one. */
    static Generation check(String content, List<RetrievedPassage> passages) {
        if (content.isEmpty()) {
            return new Generation.Unavailable("empty answer");
        }
        if (content.contains(NO_ANSWER)) {
            return new Generation.Refused("the passages do not contain the answer");
        }
        Set<Integer> cited = new LinkedHashSet<>();
        Matcher marks = CITATION.matcher(content);
        while (marks.find()) {
            int n = Integer.parseInt(marks.group(1));
            if (n < 1 || n > passages.size()) {
                return new Generation.Refused("cites passage [" + n + "], which it was not given");
            }
            cited.add(n);
        }
        if (cited.isEmpty()) {
            return new Generation.Refused("cites no passage");
        }
        List<RetrievedPassage> sources = new ArrayList<>();
        StringBuilder grounds = new StringBuilder();
        for (int n : cited) {
            sources.add(passages.get(n - 1));
            grounds.append(passages.get(n - 1).passage().text()).append(' ');
        }
        String text = CITATION.matcher(content)
                .replaceAll("")
                .replaceAll("\\s+([.,;:!?])", "$1")
                .replaceAll("\\s{2,}", " ")
                .strip();
        Matcher numbers = NUMBER.matcher(text);
        while (numbers.find()) {
            if (!grounds.toString().contains(numbers.group())) {
                return new Generation.Refused("the number " + numbers.group() + " is not in the cited passages");
            }
        }
        return new Generation.Answered(text, List.copyOf(sources));
    }
}
