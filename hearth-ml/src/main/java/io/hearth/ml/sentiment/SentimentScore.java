package io.hearth.ml.sentiment;

/**
 * VADER's scores: {@code compound} in [-1, 1] summarizes the message; {@code positive}, {@code
 * negative} and {@code neutral} are the shares of the text's sentiment mass and add up to 1.
 */
public record SentimentScore(double compound, double positive, double negative, double neutral) {

    /** VADER's usual cut-off: |compound| under 0.05 is neutral. */
    public static final double NEUTRAL_BAND = 0.05;

    public Sentiment sentiment() {
        if (compound >= NEUTRAL_BAND) {
            return Sentiment.POSITIVE;
        }
        return compound <= -NEUTRAL_BAND ? Sentiment.NEGATIVE : Sentiment.NEUTRAL;
    }
}
