package io.hearth.loyalty;

import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.time.Instant;

/** A member earned a badge (once per badge), with the points it paid. */
public record BadgeEarned(
        TenantId tenantId, CustomerId customerId, String badgeId, long value, long points, Instant at) {}
