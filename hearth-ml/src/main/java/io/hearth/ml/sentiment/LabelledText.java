package io.hearth.ml.sentiment;

import static java.util.Objects.requireNonNull;

/** A text with its sentiment label, for training and evaluation. */
public record LabelledText(String text, boolean positive) {

    public LabelledText {
        requireNonNull(text, "text is null");
    }
}
