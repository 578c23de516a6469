package io.hearth.messaging.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What generated copy may say: nothing that is not in the product's data. Every number (a price, a
 * percentage, a count) must appear in the facts, and so must every word that makes a claim (free,
 * guaranteed, best, …); a line that is too long for its kind is refused too.
 */
final class CopyGuardrails {

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)?");
    private static final List<String> CLAIMS = List.of(
            "free",
            "guarantee",
            "guaranteed",
            "best",
            "cheapest",
            "lowest",
            "#1",
            "number one",
            "cure",
            "cures",
            "miracle",
            "clinically",
            "proven",
            "organic",
            "award",
            "sale",
            "discount",
            "off",
            "limited");

    private CopyGuardrails() {}

    /** Why the text may not be used, or empty when it may. */
    static Optional<String> refusal(String text, String facts, int maxLength) {
        if (text.isBlank()) {
            return Optional.of("empty");
        }
        if (text.length() > maxLength) {
            return Optional.of("longer than " + maxLength + " characters");
        }
        String known = facts.toLowerCase(Locale.ROOT);
        Matcher number = NUMBER.matcher(text);
        while (number.find()) {
            if (!known.contains(number.group())
                    && !known.contains(number.group().replace(',', '.'))) {
                return Optional.of("the number " + number.group() + " is not in the data");
            }
        }
        String lower = " " + text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9#]+", " ") + " ";
        for (String claim : CLAIMS) {
            if (lower.contains(" " + claim + " ") && !(" " + known + " ").contains(claim)) {
                return Optional.of("the claim '" + claim + "' is not in the data");
            }
        }
        return Optional.empty();
    }
}
