package io.hearth.messaging.internal;

import io.hearth.messaging.MessageChannel;
import io.hearth.messaging.MessageStatus;
import io.hearth.messaging.PublishedTemplate;
import io.hearth.messaging.RenderedMessage;
import io.hearth.messaging.SendRequest;
import io.hearth.messaging.Suppression;
import io.hearth.privacy.PrivacyManagement;
import io.hearth.profiles.CustomerProfile;
import io.hearth.profiles.Identifier;
import io.hearth.profiles.IdentifierKind;
import io.hearth.profiles.ProfileManagement;
import io.hearth.shared.TenantId;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Turns a send request into a stored message: checks consent and the address, renders the template
 * for the customer with the message's own tracking links, and wraps its links for click tracking. A
 * request that cannot be sent becomes a message that says why (suppressed or failed).
 */
@Component
class MessageComposer {

    private final TemplateStore templates;
    private final TemplateRenderer renderer;
    private final TrackingLinks links;
    private final ProfileManagement profiles;
    private final PrivacyManagement privacy;
    private final Suppressions suppressions;

    MessageComposer(
            TemplateStore templates,
            TemplateRenderer renderer,
            TrackingLinks links,
            ProfileManagement profiles,
            PrivacyManagement privacy,
            Suppressions suppressions) {
        this.templates = templates;
        this.renderer = renderer;
        this.links = links;
        this.profiles = profiles;
        this.privacy = privacy;
        this.suppressions = suppressions;
    }

    MessageStore.NewMessage compose(TenantId tenant, SendRequest request, UUID id) {
        Optional<PublishedTemplate> template = templates.latest(tenant, request.templateKey());
        if (template.isEmpty()) {
            return refused(request, id, null, MessageStatus.FAILED, "unknown template " + request.templateKey());
        }
        Integer version = template.get().version();
        Optional<CustomerProfile> profile = profiles.profile(tenant, request.customer());
        if (profile.isEmpty()) {
            return refused(request, id, version, MessageStatus.FAILED, "unknown customer");
        }
        if (!privacy.mayUse(
                tenant, request.customer(), request.purpose(), request.channel().consentChannel())) {
            return refused(request, id, version, MessageStatus.SUPPRESSED, "consent");
        }
        Optional<String> address = address(request.channel(), profile.get());
        if (address.isEmpty()) {
            return refused(request, id, version, MessageStatus.SUPPRESSED, "no-address");
        }
        Optional<Suppression.Reason> suppressed = suppressions.reason(tenant, request.channel(), address.get());
        if (suppressed.isPresent()) {
            return refused(
                    request,
                    id,
                    version,
                    MessageStatus.SUPPRESSED,
                    suppressed.get().key());
        }
        URI unsubscribe = links.unsubscribe(tenant, id);
        Map<String, Object> context = renderer.customerContext(
                tenant,
                template.get(),
                request.customer(),
                request.variables(),
                Map.of("unsubscribe_url", unsubscribe.toString()));
        RenderedMessage rendered;
        try {
            Object locale = profile.get().traits().get("locale");
            rendered = renderer.render(tenant, template.get(), locale == null ? null : locale.toString(), context);
        } catch (LiquidTemplates.RenderFailed e) {
            return refused(request, id, version, MessageStatus.FAILED, "template: " + e.getMessage());
        }
        String html = rendered.html() == null ? null : links.track(tenant, id, rendered.html(), unsubscribe);
        return new MessageStore.NewMessage(
                id,
                request.idempotencyKey(),
                request.customer(),
                request.channel(),
                request.purpose().key(),
                request.templateKey(),
                version,
                request.templateKey(),
                request.attribution(),
                address.get(),
                rendered.subject(),
                html,
                rendered.text(),
                MessageStatus.QUEUED,
                null);
    }

    OutgoingMessage outgoing(TenantId tenant, MessageStore.Stored stored) {
        UUID id = stored.message().messageId();
        return new OutgoingMessage(
                tenant,
                stored.customer(),
                id,
                stored.message().templateKey(),
                stored.message().attribution(),
                stored.recipient(),
                stored.subject(),
                stored.html(),
                stored.text(),
                links.unsubscribe(tenant, id),
                links.status(tenant, id));
    }

    /** Where the channel reaches the customer: email, phone, push token, or the customer for in-app. */
    static Optional<String> address(MessageChannel channel, CustomerProfile profile) {
        return switch (channel) {
            case EMAIL -> CustomerVariables.email(profile);
            case SMS -> trait(profile, "phone").or(() -> identifier(profile, IdentifierKind.PHONE));
            case PUSH -> trait(profile, "push_token");
            case IN_APP, WEBHOOK -> Optional.of(profile.customerId().value());
        };
    }

    private static Optional<String> trait(CustomerProfile profile, String name) {
        return profile.traits().get(name) instanceof String value && !value.isBlank()
                ? Optional.of(value)
                : Optional.empty();
    }

    private static Optional<String> identifier(CustomerProfile profile, IdentifierKind kind) {
        return profile.identifiers().stream()
                .filter(identifier -> identifier.kind() == kind)
                .map(Identifier::value)
                .findFirst();
    }

    private static MessageStore.NewMessage refused(
            SendRequest request, UUID id, Integer version, MessageStatus status, String reason) {
        return new MessageStore.NewMessage(
                id,
                request.idempotencyKey(),
                request.customer(),
                request.channel(),
                request.purpose().key(),
                request.templateKey(),
                version,
                request.templateKey(),
                request.attribution(),
                null,
                null,
                null,
                null,
                status,
                reason);
    }
}
