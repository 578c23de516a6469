package io.hearth.messaging;

import io.hearth.messaging.internal.MessagingService;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The messaging facade: publish and preview templates, send messages, read the message log. Every
 * method enters the given tenant itself. Sending publishes {@link MessageEngaged} after commit.
 */
@Service
public class MessagingManagement {

    private final MessagingService service;

    MessagingManagement(MessagingService service) {
        this.service = service;
    }

    /**
     * Checks and publishes the next immutable version of a template.
     *
     * @throws io.hearth.shared.HearthProblem {@link MessagingProblem#INVALID_TEMPLATE} with one error per
     *     field (JSON pointer), e.g. {@code /locales/de/html: unknown variable 'customer.frist_name'}
     */
    public PublishedTemplate publishTemplate(TenantId tenant, TemplateDefinition definition) {
        return service.publish(tenant, definition);
    }

    /** The newest published version of the template. */
    public Optional<PublishedTemplate> template(TenantId tenant, String key) {
        return service.template(tenant, key);
    }

    /** Keys of the tenant's templates. */
    public List<String> templateKeys(TenantId tenant) {
        return service.templateKeys(tenant);
    }

    /**
     * Renders the newest version for a real customer, as it would be sent (without tracking links).
     *
     * @param locale overrides the customer's own locale when not null
     * @throws io.hearth.shared.HearthProblem {@link MessagingProblem#UNKNOWN_TEMPLATE}, {@link
     *     MessagingProblem#UNKNOWN_CUSTOMER}, or {@link MessagingProblem#INVALID_TEMPLATE} naming the
     *     variable the customer lacks
     */
    public RenderedMessage preview(
            TenantId tenant, String key, CustomerId customer, @Nullable String locale, Map<String, Object> variables) {
        return service.preview(tenant, key, customer, locale, variables);
    }

    /**
     * Sends one message, at most once per {@link SendRequest#idempotencyKey()}: the same key again
     * answers the first message as it stands now. Consent for the purpose and channel is checked
     * before rendering and again when the message leaves. Never throws for the customer's state: a
     * message that cannot go is answered as {@link MessageStatus#SUPPRESSED} or {@link
     * MessageStatus#FAILED} with its reason.
     */
    public SentMessage send(TenantId tenant, SendRequest request) {
        return service.send(tenant, request);
    }

    /**
     * The message already requested under this idempotency key, if any, as it stands now; one still
     * {@code queued} (its node died before the first attempt) gets that attempt first. A caller that
     * resumes after a crash asks this before deciding again whether to send: its own earlier message
     * would otherwise count against its frequency caps and duplicate-content rule.
     */
    public Optional<SentMessage> resume(TenantId tenant, String idempotencyKey) {
        return service.resume(tenant, idempotencyKey);
    }

    /**
     * Points the webhook channel at the shop's endpoint and makes a new signing secret, answered only
     * here. Configuring again replaces both.
     *
     * @throws io.hearth.shared.HearthProblem {@link MessagingProblem#INVALID_REQUEST} when the URL is
     *     not an absolute http(s) URL
     */
    public WebhookEndpoint configureWebhook(TenantId tenant, String url) {
        return service.configureWebhook(tenant, url);
    }

    /** The webhook channel's endpoint, without its secret. */
    public Optional<WebhookEndpoint> webhookEndpoint(TenantId tenant) {
        return service.webhookEndpoint(tenant);
    }

    /** The customer's in-app inbox, newest first. */
    public List<InboxItem> inbox(TenantId tenant, CustomerId customer, int limit) {
        return service.inbox(tenant, customer, limit);
    }

    /** Marks an inbox message read (idempotent); false when the customer has no such message. */
    public boolean markRead(TenantId tenant, CustomerId customer, java.util.UUID message) {
        return service.markRead(tenant, customer, message);
    }

    /** One message as the log keeps it now: its delivery status, reason and attempts. */
    public Optional<SentMessage> message(TenantId tenant, java.util.UUID message) {
        return service.message(tenant, message);
    }

    /**
     * The customer's suppressed addresses (hard bounces, complaints), newest first. A send to one of
     * them is {@link MessageStatus#SUPPRESSED} with the reason {@code hard-bounce} or {@code complaint}.
     */
    public List<Suppression> suppressions(TenantId tenant, CustomerId customer) {
        return service.suppressions(tenant, customer);
    }

    /** The customer's messages, newest first. */
    public List<SentMessage> messages(TenantId tenant, CustomerId customer, int limit) {
        return service.messages(tenant, customer, limit);
    }

    /** How many messages went (or are going) to the customer since the instant; all channels when null. */
    public int sentSince(TenantId tenant, CustomerId customer, @Nullable MessageChannel channel, Instant since) {
        return service.sentSince(tenant, customer, channel, since);
    }

    /**
     * The customer's recent messages in one read: the last day and week on every channel, the last
     * day on {@code channel}, and whether {@code contentKey} went out since {@code contentSince}.
     */
    public SendHistory sendHistory(
            TenantId tenant,
            CustomerId customer,
            MessageChannel channel,
            String contentKey,
            Instant now,
            Instant contentSince) {
        return service.sendHistory(tenant, customer, channel, contentKey, now, contentSince);
    }

    /** Whether a message of this content (template key) went to the customer since the instant. */
    public boolean contentSentSince(TenantId tenant, CustomerId customer, String contentKey, Instant since) {
        return service.contentSentSince(tenant, customer, contentKey, since);
    }
}
