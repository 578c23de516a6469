package io.hearth.messaging.internal;

import io.hearth.messaging.MessageChannel;
import io.hearth.privacy.PrivacyManagement;
import io.hearth.privacy.Purpose;
import io.hearth.shared.TenantId;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What is checked again at every delivery attempt, right before a message leaves. A retry may come
 * minutes or hours after the message was composed: in between the customer may have withdrawn
 * consent (an unsubscribe) or the address may have bounced hard or complained on another message.
 */
@Component
class LeavingCheck {

    private final PrivacyManagement privacy;
    private final Suppressions suppressions;

    LeavingCheck(PrivacyManagement privacy, Suppressions suppressions) {
        this.privacy = privacy;
        this.suppressions = suppressions;
    }

    /** Why the stored message must not leave now ({@code consent}, {@code hard-bounce}, {@code complaint}), or empty. */
    Optional<String> refusal(TenantId tenant, MessageStore.Stored stored) {
        Purpose purpose = Purpose.parse(stored.purpose()).orElseThrow();
        MessageChannel channel = stored.message().channel();
        if (!privacy.mayUse(tenant, stored.customer(), purpose, channel.consentChannel())) {
            return Optional.of("consent");
        }
        if (stored.recipient() == null) {
            return Optional.empty();
        }
        return suppressions.reason(tenant, channel, stored.recipient()).map(reason -> reason.key());
    }
}
