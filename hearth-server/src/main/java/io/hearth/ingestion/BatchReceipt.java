package io.hearth.ingestion;

import io.hearth.shared.FieldError;
import java.util.List;

/**
 * What happened to a batch: how many events were stored, how many were already known by message id,
 * and which were rejected (by index, with the fields at fault).
 */
public record BatchReceipt(int accepted, int duplicates, List<Rejection> rejected) {

    public BatchReceipt {
        rejected = List.copyOf(rejected);
    }

    /** One rejected event of a batch. */
    public record Rejection(int index, String reason, List<FieldError> errors) {
        public Rejection {
            errors = List.copyOf(errors);
        }
    }
}
