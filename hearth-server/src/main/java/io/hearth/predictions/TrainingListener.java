package io.hearth.predictions;

/** Follows a training run, e.g. to draw a progress bar. Called on the training thread. */
public interface TrainingListener {

    TrainingListener NONE = new TrainingListener() {};

    /** Reading the tenant's orders begins; {@code customers} is how many live profiles there are, if known. */
    default void reading(long customers) {}

    /** {@code customers} profiles have been read so far. */
    default void read(long customers) {}

    /** A model kind is being fitted. */
    default void fitting(ModelKind kind) {}

    /** A version was stored (good or not). */
    default void stored(ModelVersion version) {}
}
