package io.hearth.profiles;

import static java.util.Objects.requireNonNull;

import io.hearth.shared.TenantId;
import java.util.List;

/**
 * The order lifecycle steps one pass over a shop's events (or one return-window check) recorded, in the
 * order they happened. Published once per pass, in the transaction that recorded the steps, so an import
 * of 70,000 orders costs each listener one publication per batch rather than two per order; delivery is
 * at least once, so listeners must be idempotent per step.
 */
public record OrdersChanged(TenantId tenantId, List<OrderStatusChanged> changes) {

    public OrdersChanged {
        requireNonNull(tenantId, "tenantId is null");
        changes = List.copyOf(changes);
    }
}
