package io.hearth.catalog;

import static java.util.Objects.requireNonNull;

import io.hearth.shared.TenantId;

/**
 * A product was created or one of its fields changed (published after commit; an update that changes
 * nothing publishes nothing). Delivered at least once: listeners must be idempotent, which taking the
 * product as it now is makes easy.
 */
public record ProductChanged(TenantId tenantId, Product product) {

    public ProductChanged {
        requireNonNull(tenantId, "tenantId is null");
        requireNonNull(product, "product is null");
    }
}
