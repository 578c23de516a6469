package io.hearth.recommendations;

/** Hears how a training run is going, for progress bars. Called on the training thread. */
public interface TrainingProgress {

    /** Events read from the log so far. */
    default void eventsRead(int events) {}

    /** A step finished: {@code matrix}, {@code als}, {@code co-occurrence}, {@code popularity}, {@code stored}. */
    default void step(String name, String detail) {}

    /** Steps after reading the events. */
    int STEPS = 5;

    TrainingProgress NONE = new TrainingProgress() {};
}
