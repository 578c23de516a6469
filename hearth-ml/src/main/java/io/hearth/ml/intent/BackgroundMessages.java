package io.hearth.ml.intent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Messages no shop's intents cover (trivia, weather, small talk, other trades), shipped with Hearth.
 * The hidden-intent stand-ins are near misses from the shop's own domain; these add the far ones a
 * support inbox also gets, so the thresholds learn both.
 */
final class BackgroundMessages {

    private static final List<String> MESSAGES = load();

    private BackgroundMessages() {}

    static List<String> all() {
        return MESSAGES;
    }

    private static List<String> load() {
        try (InputStream in = BackgroundMessages.class.getResourceAsStream("background-out-of-scope.txt")) {
            if (in == null) {
                throw new IllegalStateException("background-out-of-scope.txt is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
