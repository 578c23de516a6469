package io.hearth.catalog.internal;

import io.hearth.catalog.CatalogManagement;
import io.hearth.catalog.CatalogProblem;
import io.hearth.catalog.Product;
import io.hearth.catalog.ProductUpdate;
import io.hearth.catalog.UpsertReport;
import io.hearth.shared.FieldError;
import io.hearth.shared.HearthProblem;
import io.hearth.tenancy.Principal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Products: upsert one or a batch, read one, page through all. */
@RestController
@Tag(name = "Catalog", description = "Products and their attributes")
class ProductsController {

    private static final int MAX_PAGE = 1_000;

    private final CatalogManagement catalog;

    ProductsController(CatalogManagement catalog) {
        this.catalog = catalog;
    }

    @PutMapping(path = "/v1/products/{productId}", produces = "application/json")
    @Operation(summary = "Create or update one product; absent fields keep their stored value (admin)")
    Product put(
            @AuthenticationPrincipal Principal caller,
            @PathVariable String productId,
            @RequestBody ProductRequest request) {
        return catalog.put(caller.tenantId(), request.toUpdate(productId));
    }

    @PostMapping(path = "/v1/products", produces = "application/json")
    @Operation(summary = "Create or update up to 1,000 products; invalid ones are reported by index (admin)")
    UpsertReport upsert(@AuthenticationPrincipal Principal caller, @RequestBody BatchRequest request) {
        return catalog.upsert(caller.tenantId(), request.toUpdates());
    }

    @GetMapping(path = "/v1/products/{productId}", produces = "application/json")
    @Operation(summary = "One product")
    Product product(@AuthenticationPrincipal Principal caller, @PathVariable String productId) {
        return catalog.product(caller.tenantId(), productId).orElseThrow(() -> unknown(productId));
    }

    @GetMapping(path = "/v1/products", produces = "application/json")
    @Operation(summary = "Products in id order; pass the last id of a page as `after` for the next")
    Map<String, Object> page(
            @AuthenticationPrincipal Principal caller,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(required = false) @Nullable String after) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new HearthProblem(
                    CatalogProblem.INVALID_QUERY,
                    "limit must be 1 to " + MAX_PAGE,
                    List.of(new FieldError("limit", "must be 1 to " + MAX_PAGE)));
        }
        return Map.of("data", catalog.page(caller.tenantId(), limit, after));
    }

    static HearthProblem unknown(String productId) {
        return new HearthProblem(CatalogProblem.UNKNOWN_PRODUCT, "No product has this id");
    }

    /** A product as sent; {@code productId} is only read in a batch (the path names it otherwise). */
    record ProductRequest(
            @Nullable String productId,
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

        ProductUpdate toUpdate(String id) {
            return new ProductUpdate(
                    id, name, category, brand, price, currency, inStock, replenishable, url, imageUrl, attributes);
        }
    }

    record BatchRequest(@Nullable List<ProductRequest> products) {

        List<ProductUpdate> toUpdates() {
            if (products == null) {
                throw new HearthProblem(
                        CatalogProblem.INVALID_PRODUCT,
                        "A batch needs products",
                        List.of(new FieldError("/products", "is required")));
            }
            List<FieldError> missing = new ArrayList<>();
            List<ProductUpdate> updates = new ArrayList<>();
            for (int i = 0; i < products.size(); i++) {
                ProductRequest product = products.get(i);
                if (product == null || product.productId() == null) {
                    missing.add(new FieldError("/products/" + i + "/productId", "is required"));
                    continue;
                }
                updates.add(product.toUpdate(product.productId()));
            }
            if (!missing.isEmpty()) {
                throw new HearthProblem(CatalogProblem.INVALID_PRODUCT, "Every product needs a productId", missing);
            }
            return updates;
        }
    }
}
