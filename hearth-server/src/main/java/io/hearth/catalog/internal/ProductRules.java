package io.hearth.catalog.internal;

import io.hearth.catalog.ProductUpdate;
import io.hearth.shared.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What a product update must look like; each problem names its field. */
final class ProductRules {

    static final int MAX_ID = 200;
    static final int MAX_TEXT = 500;
    static final int MAX_URL = 2_000;
    static final int MAX_ATTRIBUTES = 50;

    private ProductRules() {}

    static List<FieldError> check(ProductUpdate update) {
        List<FieldError> errors = new ArrayList<>();
        if (update.productId().isBlank() || update.productId().length() > MAX_ID) {
            errors.add(new FieldError("/productId", "must be 1 to " + MAX_ID + " characters"));
        }
        text(errors, "/name", update.name(), MAX_TEXT);
        text(errors, "/category", update.category(), MAX_TEXT);
        text(errors, "/brand", update.brand(), MAX_TEXT);
        text(errors, "/url", update.url(), MAX_URL);
        text(errors, "/imageUrl", update.imageUrl(), MAX_URL);
        price(errors, update.price());
        currency(errors, update.currency());
        attributes(errors, update.attributes());
        return errors;
    }

    private static void text(List<FieldError> errors, String pointer, @Nullable String value, int max) {
        if (value != null && (value.isBlank() || value.length() > max)) {
            errors.add(new FieldError(pointer, "must be 1 to " + max + " characters"));
        }
    }

    private static void price(List<FieldError> errors, @Nullable BigDecimal price) {
        if (price != null && (price.signum() < 0 || price.precision() - price.scale() > 16)) {
            errors.add(new FieldError("/price", "must be a non-negative amount"));
        }
    }

    private static void currency(List<FieldError> errors, @Nullable String currency) {
        if (currency == null) {
            return;
        }
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("/currency", "must be an ISO 4217 code such as EUR"));
        }
    }

    private static void attributes(List<FieldError> errors, @Nullable Map<String, String> attributes) {
        if (attributes == null) {
            return;
        }
        if (attributes.size() > MAX_ATTRIBUTES) {
            errors.add(new FieldError("/attributes", "at most " + MAX_ATTRIBUTES + " attributes"));
        }
        attributes.forEach((key, value) -> {
            if (key.isBlank() || key.length() > 100 || value.length() > MAX_TEXT) {
                errors.add(new FieldError("/attributes/" + key, "keys are 1 to 100 characters, values at most 500"));
            }
        });
    }
}
