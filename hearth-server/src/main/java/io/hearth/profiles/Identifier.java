package io.hearth.profiles;

import static java.util.Objects.requireNonNull;

/** One identifier of a customer, already normalized (lower-case email, E.164 phone). */
public record Identifier(IdentifierKind kind, String value) {

    public Identifier {
        requireNonNull(kind, "kind is null");
        requireNonNull(value, "value is null");
    }

    /** The identifier as one string, {@code kind:value}. */
    public String key() {
        return kind.code() + ":" + value;
    }

    public static Identifier fromKey(String key) {
        int colon = key.indexOf(':');
        return new Identifier(IdentifierKind.fromCode(key.substring(0, colon)).orElseThrow(), key.substring(colon + 1));
    }
}
