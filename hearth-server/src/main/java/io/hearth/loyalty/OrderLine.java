package io.hearth.loyalty;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One line of an order as loyalty sees it: what it cost and what it was, for multipliers and
 * exclusions. Refunds name lines by {@code lineId}.
 */
public record OrderLine(
        String lineId, @Nullable String sku, @Nullable String category, BigDecimal amount) {

    public OrderLine {
        requireNonNull(lineId, "lineId is null");
        requireNonNull(amount, "amount is null");
    }
}
