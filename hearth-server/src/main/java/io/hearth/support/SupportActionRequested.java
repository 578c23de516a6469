package io.hearth.support;

import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.util.UUID;

/**
 * The assistant accepted a customer's request on an order within policy. Hearth does not own the
 * shop's order system: an integration listening to this event carries it out there (and the order's
 * own events, such as {@code Order Cancelled}, then flow back into Hearth).
 *
 * @param kind {@code cancel}, {@code return} or {@code change_address}
 */
public record SupportActionRequested(
        TenantId tenantId, UUID actionId, UUID conversationId, CustomerId customerId, String orderId, String kind) {}
