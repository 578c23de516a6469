package io.hearth.ingestion;

import java.util.Locale;
import java.util.Optional;

/** The type of a registered trait, as it must appear in the {@code traits} of an {@code identify} call. */
public enum AttributeType {
    /** A JSON string; {@link AttributeDefinition#maxLength()} may bound it. */
    STRING,
    /** A JSON number, or a string holding a decimal number (stored as a number); may be bounded. */
    NUMBER,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** An ISO-8601 date ({@code 2026-11-24}) or date-time with an offset ({@code 2026-11-24T10:00:00Z}). */
    DATE,
    /** A string that is one of {@link AttributeDefinition#values()}. */
    ENUM;

    /** The name used in the API, e.g. {@code string}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AttributeType> parse(String key) {
        for (AttributeType type : values()) {
            if (type.key().equals(key)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
