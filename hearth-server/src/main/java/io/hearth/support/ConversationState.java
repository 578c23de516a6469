package io.hearth.support;

/** Who is answering a conversation. */
public enum ConversationState {
    /** The assistant answers each customer message. */
    ASSISTANT,
    /** Handed to the agents' queue; the assistant stays silent until an agent hands it back. */
    ESCALATED,
    /** Closed; a new customer message needs a new conversation. */
    RESOLVED
}
