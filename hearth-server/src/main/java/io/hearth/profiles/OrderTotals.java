package io.hearth.profiles;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** How Hearth reads an order event's total, so every module that reads one agrees with profiles. */
public final class OrderTotals {

    private OrderTotals() {}

    /** The order's total as sent ({@code total}, {@code revenue} or {@code value}); otherwise the sum of its lines. */
    public static @Nullable BigDecimal of(JsonNode properties) {
        for (String field : List.of("total", "revenue", "value")) {
            JsonNode value = properties.get(field);
            if (value != null && value.isNumber()) {
                return value.decimalValue();
            }
        }
        BigDecimal sum = BigDecimal.ZERO;
        boolean any = false;
        for (JsonNode line : properties.path("products").values()) {
            JsonNode price = line.get("price");
            if (price != null && price.isNumber()) {
                long quantity = line.path("quantity").asLong(1);
                sum = sum.add(price.decimalValue().multiply(BigDecimal.valueOf(quantity)));
                any = true;
            }
        }
        return any ? sum : null;
    }
}
