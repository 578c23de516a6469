package io.hearth.catalog;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A product as the catalog knows it.
 *
 * @param inStock whether it can be bought now; recommendations leave out products that cannot
 * @param replenishable whether customers buy it again (coffee, filters): owning it does not stop it
 *     being recommended
 * @param attributes free text attributes (colour, size, material), at most 50
 */
public record Product(
        String productId,
        @Nullable String name,
        @Nullable String category,
        @Nullable String brand,
        @Nullable BigDecimal price,
        @Nullable String currency,
        boolean inStock,
        boolean replenishable,
        @Nullable String url,
        @Nullable String imageUrl,
        Map<String, String> attributes,
        Instant updatedAt) {

    public Product {
        requireNonNull(productId, "productId is null");
        attributes = Map.copyOf(attributes);
        requireNonNull(updatedAt, "updatedAt is null");
    }
}
