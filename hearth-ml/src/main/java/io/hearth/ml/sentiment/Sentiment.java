package io.hearth.ml.sentiment;

/** The polarity of a message. */
public enum Sentiment {
    NEGATIVE,
    NEUTRAL,
    POSITIVE
}
