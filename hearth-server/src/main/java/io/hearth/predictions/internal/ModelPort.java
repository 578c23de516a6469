package io.hearth.predictions.internal;

import io.hearth.predictions.ModelKind;
import io.hearth.predictions.Prediction;
import java.util.Map;
import java.util.Optional;

/**
 * The algorithm behind one model kind: trains on a tenant's data into an artefact (bytes in the
 * registry) with metrics, and scores one customer with an explanation. Scoring with no serving
 * version is the rule-based fallback, so every port answers from the first order on.
 *
 * <p>To plug in another algorithm (such as hearth-ml's churn gradient boosting), declare a bean of
 * this type for the kind; it replaces the rules bean of that kind (one bean per kind).
 *
 * @param <M> the in-memory model the artefact bytes stand for
 */
interface ModelPort<M> {

    ModelKind kind();

    /** The algorithm and its revision, stored with each version, e.g. {@code bgnbd-gammagamma/1}. */
    String codeVersion();

    /** The code version of one trained model, when a port falls back to another algorithm on thin data. */
    default String codeVersion(M model) {
        return codeVersion();
    }

    Trained<M> train(TrainingSet data);

    byte[] write(M model);

    M read(byte[] artefact);

    /** Frees what a model holds outside the heap (native memory); called when the registry drops it. */
    default void release(M model) {}

    /**
     * Scores one customer; an empty model means no good version exists and the rules answer.
     *
     * @return the outputs this kind produces (a port may leave one out, e.g. without orders)
     */
    Map<Output, Prediction> score(Optional<Serving<M>> model, CustomerFeatures customer);
}
