package io.hearth.ml.entity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

/**
 * Something found in a message, with {@code [start, end)} character offsets and the matched text.
 * Each kind carries its normalized value.
 */
public sealed interface Entity {

    int start();

    int end();

    String text();

    /** An order number; {@code number} is the match without a leading '#'. */
    record OrderNumber(int start, int end, String text, String number) implements Entity {}

    record Sku(int start, int end, String text, String code) implements Entity {}

    /** {@code address} is lower-cased. */
    record Email(int start, int end, String text, String address) implements Entity {}

    record Amount(int start, int end, String text, BigDecimal value, Currency currency) implements Entity {}

    /** A calendar date, absolute ("3 March 2026", "2026-03-03", "03/04/2026") or relative ("yesterday"). */
    record Date(int start, int end, String text, LocalDate date) implements Entity {}
}
