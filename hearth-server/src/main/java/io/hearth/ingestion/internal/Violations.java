package io.hearth.ingestion.internal;

import io.hearth.shared.FieldError;
import java.util.ArrayList;
import java.util.List;

/** Collects what is wrong with one message, each located by a JSON pointer into it. */
final class Violations {

    private final List<FieldError> errors = new ArrayList<>();
    private String firstReason = "";

    void add(String reason, String pointer, String detail) {
        if (errors.isEmpty()) {
            firstReason = reason;
        }
        errors.add(new FieldError(pointer, detail));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** The metric tag for the rejection: the first rule the message broke. */
    String reason() {
        return firstReason;
    }
}
