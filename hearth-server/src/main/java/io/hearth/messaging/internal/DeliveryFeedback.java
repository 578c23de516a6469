package io.hearth.messaging.internal;

import io.hearth.messaging.MessageEngaged;
import io.hearth.messaging.Suppression;
import io.hearth.privacy.Decision;
import io.hearth.privacy.PrivacyManagement;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What providers report back about messages: deliveries, hard bounces and complaints. A hard bounce or
 * a complaint suppresses the address on the message's channel (the next send to it is suppressed with
 * that reason), writes one decision record, and is published as an event with the message's
 * attribution; a complaint also withdraws marketing consent on the channel, like an unsubscribe.
 */
@Component
class DeliveryFeedback {

    static final String RULE = "messaging-suppression@1";

    private final Engagements engagements;
    private final Suppressions suppressions;
    private final PrivacyManagement privacy;
    private final MessageStore messages;
    private final JsonMapper json;
    private final Clock clock;

    DeliveryFeedback(
            Engagements engagements,
            Suppressions suppressions,
            PrivacyManagement privacy,
            MessageStore messages,
            JsonMapper json,
            Clock clock) {
        this.engagements = engagements;
        this.suppressions = suppressions;
        this.privacy = privacy;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    /**
     * A hard bounce or complaint about one of the tenant's messages; false when the tenant sent no
     * such message (or it never had an address).
     *
     * @param code the provider's status, e.g. DSN {@code 5.1.1}, Twilio {@code 30005}; no addresses
     */
    boolean reported(TenantId tenant, UUID messageId, Suppression.Reason reason, String code) {
        return TenantContext.call(tenant, () -> {
            var stored = messages.byId(tenant, messageId);
            if (stored.isEmpty() || stored.get().recipient() == null) {
                return false;
            }
            MessageEngaged.Kind kind = reason == Suppression.Reason.COMPLAINT
                    ? MessageEngaged.Kind.COMPLAINED
                    : MessageEngaged.Kind.BOUNCED;
            if (suppress(tenant, stored.get(), reason, code)) {
                // Mail systems resend reports; only the first one is an event.
                engagements.record(new TrackingLinks.Target(tenant, messageId), kind, null);
            }
            return true;
        });
    }

    void delivered(TenantId tenant, UUID messageId) {
        engagements.record(new TrackingLinks.Target(tenant, messageId), MessageEngaged.Kind.DELIVERED, null);
    }

    /** Suppresses the message's address, once: false (and no second decision) when it already was. */
    boolean suppress(TenantId tenant, MessageStore.Stored stored, Suppression.Reason reason, String code) {
        UUID messageId = stored.message().messageId();
        Suppression suppression = new Suppression(
                stored.message().channel(), stored.recipient(), reason, code, messageId, clock.instant());
        if (!suppressions.add(tenant, stored.customer(), suppression)) {
            return false;
        }
        ObjectNode inputs = json.createObjectNode();
        inputs.put("channel", stored.message().channel().key());
        inputs.put("messageId", messageId.toString());
        inputs.put("code", code);
        privacy.recordDecision(
                tenant,
                new Decision(
                        stored.customer(),
                        "message.address-suppressed",
                        inputs,
                        RULE,
                        reason.key(),
                        "the " + stored.message().channel().key() + " address "
                                + (reason == Suppression.Reason.COMPLAINT ? "complained" : "bounced hard") + " ("
                                + code + "); no further sends to it",
                        null));
        return true;
    }
}
