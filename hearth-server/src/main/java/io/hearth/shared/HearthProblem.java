package io.hearth.shared;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A problem a client caused or must know about; the platform answers it as problem details. */
public class HearthProblem extends RuntimeException {

    private final ProblemType type;
    private final List<FieldError> errors;
    private final @Nullable Duration retryAfter;

    public HearthProblem(ProblemType type, String detail) {
        this(type, detail, List.of(), null);
    }

    public HearthProblem(ProblemType type, String detail, List<FieldError> errors) {
        this(type, detail, errors, null);
    }

    public HearthProblem(ProblemType type, String detail, List<FieldError> errors, @Nullable Duration retryAfter) {
        super(detail);
        this.type = requireNonNull(type, "type is null");
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
