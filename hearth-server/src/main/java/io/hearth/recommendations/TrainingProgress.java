package io.hearth.recommendations;

/** Hears how a training run is going, for progress bars. Called on the training thread. */
public interface TrainingProgress {

    /** Events read from the log so far. */
    default void eventsRead(int events) {}

    /** Products whose text was embedded so far, of those that are new or changed since the last run. */
    default void productsEmbedded(int done, int total) {}

    /**
     * A step finished: {@code content}, {@code matrix}, {@code als}, {@code co-occurrence}, {@code
     * blend}, {@code popularity}, {@code stored}.
     */
    default void step(String name, String detail) {}

    /** Steps after reading the events. */
    int STEPS = 7;

    TrainingProgress NONE = new TrainingProgress() {};
}
