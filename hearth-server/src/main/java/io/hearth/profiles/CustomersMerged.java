package io.hearth.profiles;

import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.util.UUID;

/** Two profiles became one; listeners keyed by customer move the absorbed one's state. */
public record CustomersMerged(TenantId tenantId, UUID mergeId, CustomerId survivor, CustomerId absorbed) {}
