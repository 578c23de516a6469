package io.hearth.shared;

/**
 * One kind of problem a module reports to API clients as RFC 9457 problem details. Each module keeps
 * an enum of these; the platform turns a {@link HearthProblem} carrying one into the HTTP answer.
 */
public interface ProblemType {

    /** HTTP status code. */
    int status();

    /** Stable code, {@code <module>.<slug>}; also the last segment of the type URI. */
    String code();

    /** Fixed, human title. */
    String title();
}
