package io.hearth.support;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * Something the assistant found in a customer message.
 *
 * @param text the characters as the customer wrote them, e.g. {@code #10002} or {@code € 12,50}
 * @param value normalized, so agents and integrations can compare it: the order number without '#',
 *     the SKU, the lower-cased email address, the amount as a plain decimal ({@code 12.50}) and the
 *     date as ISO {@code yyyy-mm-dd} (a relative "yesterday" resolved on the day the message came)
 * @param currency the amount's ISO 4217 code; null for the other kinds
 */
public record MessageEntity(
        Kind kind, String text, String value, @Nullable String currency) {

    public MessageEntity {
        requireNonNull(kind, "kind is null");
        requireNonNull(text, "text is null");
        requireNonNull(value, "value is null");
    }

    /** The five kinds hearth-ml's entity extractor finds. */
    public enum Kind {
        ORDER_NUMBER,
        SKU,
        EMAIL,
        AMOUNT,
        DATE
    }

    public static MessageEntity orderNumber(String number) {
        return new MessageEntity(Kind.ORDER_NUMBER, number, number, null);
    }
}
