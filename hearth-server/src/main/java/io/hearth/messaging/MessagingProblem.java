package io.hearth.messaging;

import io.hearth.shared.ProblemType;

/** Problems the messaging module reports. */
public enum MessagingProblem implements ProblemType {
    INVALID_TEMPLATE(400, "invalid-template", "The template is not valid"),
    INVALID_REQUEST(400, "invalid-request", "The request is not valid"),
    UNATTRIBUTABLE_REPORT(422, "unattributable-report", "The report names no message this shop sent"),
    UNKNOWN_TEMPLATE(404, "unknown-template", "There is no published template with that key"),
    UNKNOWN_MESSAGE(404, "unknown-message", "There is no such message"),
    UNKNOWN_ENDPOINT(404, "unknown-endpoint", "No webhook endpoint is configured"),
    UNKNOWN_PRODUCT(404, "unknown-product", "There is no product with that id"),
    UNKNOWN_CUSTOMER(404, "unknown-customer", "There is no customer with that id"),
    INVALID_TRACKING_LINK(404, "invalid-tracking-link", "The link is not valid");

    private final Spec spec;

    MessagingProblem(int status, String slug, String title) {
        this.spec = Spec.of("messaging", status, slug, title);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
