package io.hearth.support.internal;

import io.hearth.profiles.CustomerProfile;
import io.hearth.support.EscalationReason;
import io.hearth.support.SupportPolicy;
import org.jspecify.annotations.Nullable;

/** The rules that send a message to an agent before any automation runs. */
final class Escalations {

    /** An explicit request for a person is honoured at a lower confidence than automations need. */
    static final double EXPLICIT_REQUEST_CONFIDENCE = 0.5;

    private Escalations() {}

    static @Nullable EscalationReason before(Reading reading, SupportPolicy policy, @Nullable CustomerProfile profile) {
        boolean confident = confident(reading, policy);
        if ("human_agent".equals(reading.intent())
                && (confident || reading.confidence() >= EXPLICIT_REQUEST_CONFIDENCE)) {
            return EscalationReason.EXPLICIT_REQUEST;
        }
        if (reading.sentiment() <= policy.negativeSentiment()) {
            return EscalationReason.NEGATIVE_SENTIMENT;
        }
        if ("complaint".equals(reading.intent()) && confident) {
            return EscalationReason.COMPLAINT;
        }
        if (profile != null
                && policy.highValueRevenue() != null
                && profile.computed().revenue().compareTo(policy.highValueRevenue()) >= 0) {
            return EscalationReason.HIGH_VALUE;
        }
        return null;
    }

    /** Whether the intent is sure enough to automate: the shop's floor, else the model's tuned threshold. */
    static boolean confident(Reading reading, SupportPolicy policy) {
        Double floor = policy.minConfidence();
        return floor != null ? reading.confidence() >= floor : !reading.outOfScope();
    }
}
