package io.hearth.profiles;

import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.util.UUID;

/** A merge was undone: both profiles exist again. */
public record CustomersUnmerged(TenantId tenantId, UUID mergeId, CustomerId survivor, CustomerId restored) {}
