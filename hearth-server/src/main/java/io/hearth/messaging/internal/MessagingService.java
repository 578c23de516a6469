package io.hearth.messaging.internal;

import io.hearth.messaging.InboxItem;
import io.hearth.messaging.MessageChannel;
import io.hearth.messaging.MessagingProblem;
import io.hearth.messaging.PublishedTemplate;
import io.hearth.messaging.RenderedMessage;
import io.hearth.messaging.SendHistory;
import io.hearth.messaging.SendRequest;
import io.hearth.messaging.SentMessage;
import io.hearth.messaging.Suppression;
import io.hearth.messaging.TemplateDefinition;
import io.hearth.messaging.WebhookEndpoint;
import io.hearth.profiles.CustomerProfile;
import io.hearth.profiles.ProfileManagement;
import io.hearth.shared.CustomerId;
import io.hearth.shared.FieldError;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** What the facade does, each call in its tenant. */
@Service
public class MessagingService {

    private final TemplatePublisher publisher;
    private final TemplateStore templates;
    private final TemplateRenderer renderer;
    private final Dispatcher dispatcher;
    private final MessageStore messages;
    private final ProfileManagement profiles;
    private final TransactionTemplate transactions;
    private final InboxStore inbox;
    private final java.time.Clock clock;
    private final WebhookEndpointStore webhooks;
    private final Suppressions suppressions;

    MessagingService(
            TemplatePublisher publisher,
            TemplateStore templates,
            TemplateRenderer renderer,
            Dispatcher dispatcher,
            MessageStore messages,
            ProfileManagement profiles,
            TransactionTemplate transactions,
            InboxStore inbox,
            java.time.Clock clock,
            WebhookEndpointStore webhooks,
            Suppressions suppressions) {
        this.publisher = publisher;
        this.templates = templates;
        this.renderer = renderer;
        this.dispatcher = dispatcher;
        this.messages = messages;
        this.profiles = profiles;
        this.transactions = transactions;
        this.inbox = inbox;
        this.clock = clock;
        this.webhooks = webhooks;
        this.suppressions = suppressions;
    }

    public List<Suppression> suppressions(TenantId tenant, CustomerId customer) {
        return TenantContext.call(tenant, () -> suppressions.ofCustomer(tenant, customer));
    }

    public WebhookEndpoint configureWebhook(TenantId tenant, String url) {
        URI endpoint = webhookUrl(url);
        return TenantContext.call(
                tenant, () -> transactions.execute(status -> webhooks.configure(tenant, endpoint, clock.instant())));
    }

    public Optional<WebhookEndpoint> webhookEndpoint(TenantId tenant) {
        return TenantContext.call(tenant, () -> webhooks.read(tenant));
    }

    private static URI webhookUrl(String url) {
        try {
            URI uri = new URI(url.trim());
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException malformed) {
            // answered below like any other URL we cannot post to
        }
        throw new HearthProblem(
                MessagingProblem.INVALID_REQUEST,
                "The webhook URL is not valid",
                List.of(new FieldError("/url", "must be an absolute http or https URL")));
    }

    public PublishedTemplate publish(TenantId tenant, TemplateDefinition definition) {
        return TenantContext.call(tenant, () -> transactions.execute(status -> publisher.publish(tenant, definition)));
    }

    public Optional<PublishedTemplate> template(TenantId tenant, String key) {
        return TenantContext.call(tenant, () -> templates.latest(tenant, key));
    }

    public List<String> templateKeys(TenantId tenant) {
        return TenantContext.call(tenant, () -> templates.keys(tenant));
    }

    public RenderedMessage preview(
            TenantId tenant, String key, CustomerId customer, @Nullable String locale, Map<String, Object> variables) {
        return TenantContext.call(tenant, () -> {
            PublishedTemplate template = templates
                    .latest(tenant, key)
                    .orElseThrow(() ->
                            new HearthProblem(MessagingProblem.UNKNOWN_TEMPLATE, "No published template has this key"));
            CustomerProfile profile = profiles.profile(tenant, customer)
                    .orElseThrow(() -> new HearthProblem(MessagingProblem.UNKNOWN_CUSTOMER, "No customer has this id"));
            Object own = profile.traits().get("locale");
            Map<String, Object> context = renderer.previewContext(
                    tenant, template, customer, variables, Map.of("unsubscribe_url", "#unsubscribe"));
            try {
                return renderer.render(
                        tenant, template, locale != null ? locale : own == null ? null : own.toString(), context);
            } catch (LiquidTemplates.RenderFailed e) {
                throw new HearthProblem(
                        MessagingProblem.INVALID_TEMPLATE,
                        "The template does not render for this customer",
                        List.of(new FieldError("/customerId", e.getMessage())));
            }
        });
    }

    public SentMessage send(TenantId tenant, SendRequest request) {
        return TenantContext.call(tenant, () -> dispatcher.send(tenant, request));
    }

    public Optional<SentMessage> resume(TenantId tenant, String idempotencyKey) {
        return TenantContext.call(tenant, () -> dispatcher.resume(tenant, idempotencyKey));
    }

    public List<InboxItem> inbox(TenantId tenant, CustomerId customer, int limit) {
        return TenantContext.call(tenant, () -> inbox.of(tenant, customer, limit));
    }

    public boolean markRead(TenantId tenant, CustomerId customer, java.util.UUID message) {
        return TenantContext.call(tenant, () -> inbox.markRead(tenant, customer, message, clock.instant()));
    }

    public Optional<SentMessage> message(TenantId tenant, java.util.UUID message) {
        return TenantContext.call(tenant, () -> messages.byId(tenant, message).map(MessageStore.Stored::message));
    }

    public List<SentMessage> messages(TenantId tenant, CustomerId customer, int limit) {
        return TenantContext.call(tenant, () -> messages.ofCustomer(tenant, customer, limit));
    }

    public int sentSince(TenantId tenant, CustomerId customer, @Nullable MessageChannel channel, Instant since) {
        return TenantContext.call(tenant, () -> messages.countSent(tenant, customer, channel, since));
    }

    public SendHistory sendHistory(
            TenantId tenant,
            CustomerId customer,
            MessageChannel channel,
            String contentKey,
            Instant now,
            Instant contentSince) {
        return TenantContext.call(
                tenant, () -> messages.history(tenant, customer, channel, contentKey, now, contentSince));
    }

    public boolean contentSentSince(TenantId tenant, CustomerId customer, String contentKey, Instant since) {
        return TenantContext.call(tenant, () -> messages.sentContent(tenant, customer, contentKey, since));
    }
}
