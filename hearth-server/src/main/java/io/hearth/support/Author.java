package io.hearth.support;

/** Who wrote a message; notes are internal and never shown to the customer. */
public enum Author {
    CUSTOMER,
    ASSISTANT,
    AGENT,
    NOTE
}
