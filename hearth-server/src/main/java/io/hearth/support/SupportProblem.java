package io.hearth.support;

import io.hearth.shared.ProblemType;

/** Problems the support module reports. */
public enum SupportProblem implements ProblemType {
    INVALID_MESSAGE(400, "invalid-message", "The message is not valid"),
    INVALID_TRAINING_DATA(400, "invalid-training-data", "The training data is not valid"),
    INVALID_ARTICLE(400, "invalid-article", "The article is not valid"),
    INVALID_POLICY(400, "invalid-policy", "The support policy is not valid"),
    INVALID_CUSTOMER_TOKEN(400, "invalid-customer-token", "The customer token is not valid"),
    NO_WIDGET_SECRET(404, "no-widget-secret", "No widget secret is set up"),
    INVALID_MAILBOX(400, "invalid-mailbox", "The mailbox settings are not valid"),
    NO_MAILBOX(404, "no-mailbox", "No support mailbox is set up"),
    MAILBOX_UNREACHABLE(502, "mailbox-unreachable", "The support mailbox could not be read"),
    INVALID_INBOUND_ADDRESS(400, "invalid-inbound-address", "The inbound address is not valid"),
    NO_INBOUND_ADDRESS(404, "no-inbound-address", "No such inbound address"),
    INBOUND_ADDRESS_TAKEN(409, "inbound-address-taken", "Another shop receives mail at this address"),
    UNKNOWN_CONVERSATION(404, "unknown-conversation", "No such conversation"),
    CONVERSATION_CLOSED(409, "conversation-closed", "The conversation is resolved"),
    NOT_ESCALATED(409, "not-escalated", "The conversation is not with an agent"),
    NO_CUSTOMER_EMAIL(409, "no-customer-email", "The conversation has no customer with an email address"),
    MAIL_NOT_SENT(502, "mail-not-sent", "The mail relay did not accept the mail");

    private final Spec spec;

    SupportProblem(int status, String slug, String title) {
        this.spec = Spec.of("support", status, slug, title);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
