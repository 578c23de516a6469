package io.hearth.profiles;

import java.util.Locale;
import java.util.Optional;

/** The kinds of identifier the identity graph links. Platform ids use their own kind name. */
public enum IdentifierKind {
    USER_ID,
    ANONYMOUS_ID,
    EMAIL,
    PHONE,
    LOYALTY_NUMBER,
    DEVICE_ID,
    /** A commerce platform's customer id, e.g. Shopify's; the value is {@code <type>:<id>}. */
    EXTERNAL_ID;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<IdentifierKind> fromCode(String code) {
        for (IdentifierKind kind : values()) {
            if (kind.code().equalsIgnoreCase(code) || kind.name().equalsIgnoreCase(code)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
