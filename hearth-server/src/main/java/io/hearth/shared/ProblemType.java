package io.hearth.shared;

import static java.util.Objects.requireNonNull;

/**
 * One kind of problem a module reports to API clients as RFC 9457 problem details. Each module keeps
 * an enum of these; the platform turns a {@link HearthProblem} carrying one into the HTTP answer.
 */
public interface ProblemType {

    /** What the problem looks like on the wire. */
    Spec spec();

    /** HTTP status code. */
    default int status() {
        return spec().status();
    }

    /** Stable code, {@code <module>.<slug>}; also the last segment of the type URI. */
    default String code() {
        return spec().code();
    }

    /** Fixed, human title. */
    default String title() {
        return spec().title();
    }

    /** Status, stable code and title of a problem type. */
    record Spec(int status, String code, String title) {
        public Spec {
            requireNonNull(code, "code is null");
            requireNonNull(title, "title is null");
        }

        public static Spec of(String module, int status, String slug, String title) {
            return new Spec(status, module + "." + slug, title);
        }
    }
}
