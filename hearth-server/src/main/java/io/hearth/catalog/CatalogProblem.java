package io.hearth.catalog;

import io.hearth.shared.ProblemType;

/** Problems the catalog reports. */
public enum CatalogProblem implements ProblemType {
    INVALID_PRODUCT(400, "invalid-product", "The product is not valid"),
    INVALID_QUERY(400, "invalid-query", "The query is not valid"),
    UNKNOWN_PRODUCT(404, "unknown-product", "No such product");

    private final Spec spec;

    CatalogProblem(int status, String slug, String title) {
        this.spec = Spec.of("catalog", status, slug, title);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
