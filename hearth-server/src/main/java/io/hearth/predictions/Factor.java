package io.hearth.predictions;

import static java.util.Objects.requireNonNull;

/**
 * One input that explains a prediction.
 *
 * @param name the input, e.g. {@code days_since_last_order}
 * @param value the customer's value of it
 * @param effect how much it moved the prediction, in the prediction's own unit (signed; for health,
 *     points of the score); factors are listed by decreasing absolute effect
 * @param detail a short human sentence
 */
public record Factor(String name, double value, double effect, String detail) {

    public Factor {
        requireNonNull(name, "name is null");
        requireNonNull(detail, "detail is null");
    }
}
