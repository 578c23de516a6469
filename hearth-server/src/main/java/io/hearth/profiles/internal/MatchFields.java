package io.hearth.profiles.internal;

import io.hearth.ml.matching.Soundex;
import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The traits probabilistic matching compares, normalized so that case, accents, punctuation and
 * the usual street abbreviations do not count as differences. Read from Segment's reserved traits
 * ({@code firstName}, {@code lastName}, {@code name}, {@code phone}, {@code address.street},
 * {@code address.city}, {@code address.postalCode}) and their snake_case spellings. Empty strings stand
 * for an absent field. The phone keeps its last nine digits, which reads {@code +44 20 7946 0958} and
 * {@code 020 7946 0958} alike.
 */
record MatchFields(
        String firstName, String lastName, String addressLine, String city, String postalCode, String phone) {

    private static final int PHONE_DIGITS = 9;
    private static final int MIN_PHONE_DIGITS = 7;
    private static final Map<String, String> STREET_WORDS = Map.of(
            "STREET",
            "ST",
            "ROAD",
            "RD",
            "AVENUE",
            "AVE",
            "DRIVE",
            "DR",
            "LANE",
            "LN",
            "BOULEVARD",
            "BLVD",
            "PLACE",
            "PL",
            "COURT",
            "CT",
            "STRASSE",
            "STR",
            "SQUARE",
            "SQ");

    static MatchFields of(JsonNode traits) {
        JsonNode address = traits.path("address");
        String first = letters(text(traits, "firstName", "first_name"));
        String last = letters(text(traits, "lastName", "last_name"));
        String fullName = text(traits, "name").trim();
        if (last.isEmpty() && fullName.contains(" ")) {
            first = letters(fullName.substring(0, fullName.lastIndexOf(' ')));
            last = letters(fullName.substring(fullName.lastIndexOf(' ') + 1));
        }
        return new MatchFields(
                first,
                last,
                street(firstOf(text(address, "street", "line1", "address1"), text(traits, "street", "address1"))),
                words(firstOf(text(address, "city"), text(traits, "city"))),
                alphanumeric(firstOf(
                        text(address, "postalCode", "postal_code", "zip"), text(traits, "postalCode", "postal_code"))),
                phone(text(traits, "phone")));
    }

    /**
     * The blocks this profile falls in: the Soundex of the last name with the postal code, with the
     * last four digits of the phone, and with the first initial and city. No last name, no blocks.
     */
    Set<String> blockingKeys() {
        Set<String> keys = new LinkedHashSet<>();
        String sound = Soundex.encode(lastName);
        if (sound.isEmpty()) {
            return keys;
        }
        if (!postalCode.isEmpty()) {
            keys.add("postal:" + sound + ":" + postalCode);
        }
        if (!phone.isEmpty()) {
            keys.add("phone:" + sound + ":" + phone.substring(phone.length() - 4));
        }
        if (!firstName.isEmpty() && !city.isEmpty()) {
            keys.add("city:" + sound + ":" + firstName.charAt(0) + ":" + city);
        }
        return keys;
    }

    private static String text(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && (value.isString() || value.isNumber())) {
                return value.asString();
            }
        }
        return "";
    }

    private static String firstOf(String preferred, String fallback) {
        return preferred.isBlank() ? fallback : preferred;
    }

    private static String folded(String raw) {
        return Normalizer.normalize(raw, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toUpperCase(Locale.ROOT);
    }

    private static String letters(String raw) {
        return folded(raw).replaceAll("[^A-Z]", "");
    }

    private static String alphanumeric(String raw) {
        return folded(raw).replaceAll("[^A-Z0-9]", "");
    }

    private static String words(String raw) {
        return folded(raw).replaceAll("[^A-Z0-9]+", " ").trim();
    }

    private static String street(String raw) {
        String[] parts = words(raw).split(" ");
        for (int i = 0; i < parts.length; i++) {
            parts[i] = STREET_WORDS.getOrDefault(parts[i], parts[i]);
        }
        return String.join(" ", parts).trim();
    }

    private static String phone(String raw) {
        String digits = raw.replaceAll("[^0-9]", "");
        if (digits.length() < MIN_PHONE_DIGITS) {
            return "";
        }
        return digits.substring(Math.max(0, digits.length() - PHONE_DIGITS));
    }
}
