package io.hearth.predictions;

import java.util.Locale;
import java.util.Optional;

/** What a model predicts; each kind has its own versions in the registry. */
public enum ModelKind {
    /** BG/NBD purchases with Gamma-Gamma spend: lifetime value, P(alive), expected purchases. */
    CLV,
    /** Probability that the customer does not buy again within the churn horizon. */
    CHURN,
    /** The 0–100 health score. */
    HEALTH,
    /** The expected date of the next purchase. */
    REPLENISHMENT,
    /** The hour of the week the customer is most likely to engage. */
    SEND_TIME,
    /** Sequential rules "bought A → buys B within N days": what the customer is likely to need next. */
    NEXT_NEED;

    /** The name used in the API and model versions, e.g. {@code send-time}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<ModelKind> parse(String key) {
        for (ModelKind kind : values()) {
            if (kind.key().equalsIgnoreCase(key.trim())) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
