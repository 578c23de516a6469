package io.hearth.catalog;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a caller says about one product. A {@code null} field leaves the stored value as it is; a new
 * product takes {@code inStock = true} and {@code replenishable = false} unless told otherwise.
 * {@code attributes}, when given, replace the stored ones.
 */
public record ProductUpdate(
        String productId,
        @Nullable String name,
        @Nullable String category,
        @Nullable String brand,
        @Nullable BigDecimal price,
        @Nullable String currency,
        @Nullable Boolean inStock,
        @Nullable Boolean replenishable,
        @Nullable String url,
        @Nullable String imageUrl,
        @Nullable Map<String, String> attributes) {

    public ProductUpdate {
        requireNonNull(productId, "productId is null");
        attributes = attributes == null ? null : Map.copyOf(attributes);
    }

    /** Only the id: to mention a product without saying anything about it. */
    public static ProductUpdate of(String productId) {
        return new ProductUpdate(productId, null, null, null, null, null, null, null, null, null, null);
    }

    public ProductUpdate withName(String value) {
        return new ProductUpdate(
                productId, value, category, brand, price, currency, inStock, replenishable, url, imageUrl, attributes);
    }

    public ProductUpdate withCategory(String value) {
        return new ProductUpdate(
                productId, name, value, brand, price, currency, inStock, replenishable, url, imageUrl, attributes);
    }

    public ProductUpdate withInStock(boolean value) {
        return new ProductUpdate(
                productId, name, category, brand, price, currency, value, replenishable, url, imageUrl, attributes);
    }

    public ProductUpdate withReplenishable(boolean value) {
        return new ProductUpdate(
                productId, name, category, brand, price, currency, inStock, value, url, imageUrl, attributes);
    }
}
