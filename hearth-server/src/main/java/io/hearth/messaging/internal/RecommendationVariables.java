package io.hearth.messaging.internal;

import io.hearth.catalog.CatalogManagement;
import io.hearth.catalog.Product;
import io.hearth.messaging.VariableSource;
import io.hearth.recommendations.RecommendationContext;
import io.hearth.recommendations.RecommendationManagement;
import io.hearth.recommendations.RecommendedItem;
import io.hearth.recommendations.Slate;
import io.hearth.shared.CustomerId;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.TenantId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * {@code recommendations}: the customer's slate on the {@code email} surface, each item with its
 * catalog title, category, url, image, price and currency, and the slate's {@code recommendation_id}
 * to put in links so clicks and purchases are attributed. A send takes the slate that is recorded for
 * attribution and fatigue; a preview takes the unrecorded one. A shop with nothing to recommend has no
 * value, so a template listing recommendations fails rather than sending an empty list.
 */
@Component
class RecommendationVariables implements VariableSource {

    static final int SLATE_SIZE = 4;

    private final RecommendationManagement recommendations;
    private final CatalogManagement catalog;

    RecommendationVariables(RecommendationManagement recommendations, CatalogManagement catalog) {
        this.recommendations = recommendations;
        this.catalog = catalog;
    }

    @Override
    public String namespace() {
        return "recommendations";
    }

    @Override
    public Object sample() {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("product_id", "sku-1");
        item.put("title", "Sample product");
        item.put("category", "coffee");
        item.put("url", "https://shop.example/p/1");
        item.put("image_url", "https://shop.example/p/1.jpg");
        item.put("price", "19.90");
        item.put("currency", "EUR");
        item.put("recommendation_id", "00000000-0000-4000-8000-000000000000");
        return List.of(item);
    }

    @Override
    public Optional<Object> resolve(TenantId tenant, CustomerId customer) {
        return items(
                tenant,
                () -> recommendations.forCustomer(tenant, customer, "email", SLATE_SIZE, RecommendationContext.NONE));
    }

    @Override
    public Optional<Object> preview(TenantId tenant, CustomerId customer) {
        return items(tenant, () -> recommendations.preview(tenant, customer, SLATE_SIZE));
    }

    private Optional<Object> items(TenantId tenant, java.util.function.Supplier<Slate> slateOf) {
        Slate slate;
        try {
            slate = slateOf.get();
        } catch (HearthProblem unknownCustomer) {
            return Optional.empty();
        }
        if (slate.items().isEmpty()) {
            return Optional.empty();
        }
        Map<String, Product> products =
                catalog
                        .products(
                                tenant,
                                slate.items().stream()
                                        .map(RecommendedItem::productId)
                                        .toList())
                        .stream()
                        .collect(Collectors.toMap(Product::productId, Function.identity(), (first, second) -> first));
        return Optional.of(slate.items().stream()
                .map(item -> item(item, products.get(item.productId()), slate))
                .toList());
    }

    private static Map<String, Object> item(RecommendedItem item, @Nullable Product product, Slate slate) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("product_id", item.productId());
        values.put("title", text(item.name() != null ? item.name() : product == null ? null : product.name()));
        values.put("category", text(item.category()));
        values.put("url", text(product == null ? null : product.url()));
        values.put("image_url", text(product == null ? null : product.imageUrl()));
        values.put("price", product == null ? "" : price(product.price(), product.currency()));
        values.put("currency", text(product == null ? null : product.currency()));
        values.put("recommendation_id", slate.recommendationId().toString());
        return values;
    }

    /** In the currency's minor units (29.95 EUR, 1200 JPY), as the catalog's four decimals would not read. */
    static String price(@Nullable BigDecimal price, @Nullable String currency) {
        if (price == null) {
            return "";
        }
        try {
            int digits = Currency.getInstance(currency == null ? "" : currency).getDefaultFractionDigits();
            if (digits >= 0) {
                return price.setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
            }
        } catch (IllegalArgumentException unknownCurrency) {
            // fall through to the plain number
        }
        return price.stripTrailingZeros().toPlainString();
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }
}
