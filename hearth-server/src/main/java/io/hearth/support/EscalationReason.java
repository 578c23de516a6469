package io.hearth.support;

/** Why a conversation went to a human. */
public enum EscalationReason {
    LOW_CONFIDENCE,
    OUT_OF_SCOPE,
    NEGATIVE_SENTIMENT,
    REPEATED_FAILURE,
    EXPLICIT_REQUEST,
    HIGH_VALUE,
    COMPLAINT
}
