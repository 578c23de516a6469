package io.hearth.support;

import io.hearth.shared.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** An escalated conversation got no agent reply within its queue's first-response target. */
public record SupportSlaBreached(
        TenantId tenantId, UUID conversationId, String queue, Duration target, Instant breachedAt) {}
