package io.hearth.privacy;

import java.util.Locale;
import java.util.Optional;

/**
 * What a customer's data is used for. Each purpose has a default that applies while the customer has
 * recorded no consent for it: marketing needs an opt-in; the others are allowed until withdrawn.
 */
public enum Purpose {
    /** Promotional messages: newsletters, offers, win-back journeys. Opt-in. */
    MARKETING(false),
    /** Tailoring what the customer sees: recommendations, personalized content. Opt-out. */
    PERSONALIZATION(true),
    /** Scores and predictions about the customer (CLV, churn risk, segments). Opt-out. */
    PROFILING(true),
    /** Aggregate measurement of the shop's performance. Opt-out. */
    ANALYTICS(true);

    private final boolean allowedWithoutConsent;

    Purpose(boolean allowedWithoutConsent) {
        this.allowedWithoutConsent = allowedWithoutConsent;
    }

    /** Whether the purpose is allowed for a customer who has recorded nothing about it. */
    public boolean allowedWithoutConsent() {
        return allowedWithoutConsent;
    }

    /** The name used in the API and in the database, e.g. {@code marketing}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The purpose with this name (case-insensitive), if there is one. */
    public static Optional<Purpose> parse(String name) {
        for (Purpose purpose : values()) {
            if (purpose.key().equalsIgnoreCase(name.trim())) {
                return Optional.of(purpose);
            }
        }
        return Optional.empty();
    }
}
