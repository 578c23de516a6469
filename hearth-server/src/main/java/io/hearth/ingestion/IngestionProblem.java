package io.hearth.ingestion;

import io.hearth.shared.ProblemType;

/** Problems the ingestion module reports. */
public enum IngestionProblem implements ProblemType {
    MALFORMED_JSON(400, "malformed-json", "The body is not valid JSON"),
    INVALID_EVENT(400, "invalid-event", "The event does not follow the spec"),
    INVALID_BATCH(400, "invalid-batch", "No event of the batch could be accepted"),
    INVALID_QUERY(400, "invalid-query", "The query is not valid"),
    EVENT_TOO_LARGE(413, "event-too-large", "An event is larger than 32 KB"),
    BATCH_TOO_LARGE(413, "batch-too-large", "The batch is larger than 500 KB"),
    WEBHOOK_TOO_LARGE(413, "webhook-too-large", "The webhook body is larger than 2 MB"),
    UNKNOWN_SOURCE(404, "unknown-source", "No such webhook source"),
    BAD_SIGNATURE(401, "bad-signature", "The webhook signature does not match"),
    INVALID_IMPORT(400, "invalid-import", "The file cannot be imported"),
    INVALID_ATTRIBUTE(400, "invalid-attribute", "The attribute definition is not valid"),
    UNKNOWN_ATTRIBUTE(404, "unknown-attribute", "No such attribute");

    private final Spec spec;

    IngestionProblem(int status, String slug, String title) {
        this.spec = Spec.of("ingestion", status, slug, title);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
