package io.hearth.shared;

import static java.util.Objects.requireNonNull;

/** A problem with one field of the input, located by a JSON pointer (RFC 6901) into the request body. */
public record FieldError(String pointer, String detail) {

    public FieldError {
        requireNonNull(pointer, "pointer is null");
        requireNonNull(detail, "detail is null");
    }

    public FieldError under(String prefix) {
        return new FieldError(prefix + pointer, detail);
    }
}
