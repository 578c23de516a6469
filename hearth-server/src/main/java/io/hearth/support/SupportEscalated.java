package io.hearth.support;

import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A conversation went to the agents' queue; published after the escalation committed. */
public record SupportEscalated(
        TenantId tenantId,
        UUID conversationId,
        @Nullable CustomerId customerId,
        EscalationReason reason,
        String queue,
        double priority) {}
