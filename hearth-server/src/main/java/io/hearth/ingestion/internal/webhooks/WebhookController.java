package io.hearth.ingestion.internal.webhooks;

import io.hearth.ingestion.BatchReceipt;
import io.hearth.ingestion.IngestionManagement;
import io.hearth.ingestion.IngestionProblem;
import io.hearth.ingestion.internal.RequestBodies;
import io.hearth.shared.HearthProblem;
import io.hearth.tenancy.SourceKind;
import io.hearth.tenancy.TenantManagement;
import io.hearth.tenancy.WebhookSource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * Receives Shopify and WooCommerce webhooks. There is no API key: a delivery proves itself with the
 * HMAC signature of its body, keyed with the source's secret. Topics Hearth does not map are
 * acknowledged and dropped, because the platforms retry, and eventually disable, webhooks that fail.
 */
@RestController
@Tag(name = "Webhooks", description = "Shopify and WooCommerce webhooks, authenticated by signature")
class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);
    private static final int MAX_BODY_BYTES = 2 * 1024 * 1024;
    private static final Pattern WOOCOMMERCE_PING = Pattern.compile("webhook_id=\\d+");

    private final TenantManagement tenants;
    private final IngestionManagement ingestion;
    private final RequestBodies bodies;
    private final ShopifyMapper shopify = new ShopifyMapper();
    private final WooCommerceMapper wooCommerce = new WooCommerceMapper();

    WebhookController(TenantManagement tenants, IngestionManagement ingestion, RequestBodies bodies) {
        this.tenants = tenants;
        this.ingestion = ingestion;
        this.bodies = bodies;
    }

    @PostMapping("/v1/webhooks/shopify/{sourceId}")
    @Operation(summary = "Receive a Shopify webhook (orders, refunds, checkouts) signed with X-Shopify-Hmac-Sha256")
    Map<String, Object> shopify(@PathVariable String sourceId, HttpServletRequest request) {
        WebhookSource source = admit(sourceId, SourceKind.SHOPIFY);
        byte[] body = bodies.read(request, MAX_BODY_BYTES, IngestionProblem.WEBHOOK_TOO_LARGE);
        verify(source, body, request.getHeader("X-Shopify-Hmac-Sha256"));
        String topic = topic(request, "X-Shopify-Topic");
        String webhookId = request.getHeader("X-Shopify-Webhook-Id");
        return ingest(source, topic, shopify.map(topic, webhookId, bodies.parse(body)));
    }

    @PostMapping("/v1/webhooks/woocommerce/{sourceId}")
    @Operation(summary = "Receive a WooCommerce order webhook signed with X-WC-Webhook-Signature")
    Map<String, Object> wooCommerce(@PathVariable String sourceId, HttpServletRequest request) {
        WebhookSource source = admit(sourceId, SourceKind.WOOCOMMERCE);
        byte[] body = bodies.read(request, MAX_BODY_BYTES, IngestionProblem.WEBHOOK_TOO_LARGE);
        String signature = request.getHeader("X-WC-Webhook-Signature");
        if (signature == null && isPing(body)) {
            // WooCommerce checks a new delivery URL with an unsigned form post; it carries no event.
            return Map.of("success", true);
        }
        verify(source, body, signature);
        String topic = topic(request, "X-WC-Webhook-Topic");
        String deliveryId = request.getHeader("X-WC-Webhook-Delivery-ID");
        return ingest(source, topic, wooCommerce.map(topic, deliveryId, bodies.parse(body)));
    }

    /** The source named in the URL, if it is a webhook source of this platform and within its rate. */
    private WebhookSource admit(String sourceId, SourceKind kind) {
        WebhookSource source = parse(sourceId)
                .flatMap(tenants::webhookSource)
                .filter(found -> found.kind() == kind)
                .orElseThrow(() -> new HearthProblem(
                        IngestionProblem.UNKNOWN_SOURCE, "There is no " + kind.code() + " webhook source at this URL"));
        tenants.admit(source.sourceId(), source.ratePerSecond());
        return source;
    }

    private static void verify(WebhookSource source, byte[] body, @Nullable String signature) {
        if (signature == null || signature.isBlank()) {
            throw new HearthProblem(IngestionProblem.BAD_SIGNATURE, "The delivery has no signature header");
        }
        if (!WebhookSignature.matches(body, source.secret(), signature)) {
            log.warn("webhook with a wrong signature for source {}", source.sourceId());
            throw new HearthProblem(
                    IngestionProblem.BAD_SIGNATURE, "The signature does not match the body and the source's secret");
        }
    }

    private Map<String, Object> ingest(WebhookSource source, String topic, Optional<ObjectNode> message) {
        if (message.isEmpty()) {
            log.debug("ignored webhook topic {} for source {}", topic, source.sourceId());
            return Map.of("success", true, "ignored", true);
        }
        try {
            BatchReceipt receipt =
                    ingestion.ingestMessages(source.tenantId(), source.sourceId(), List.of(message.get()));
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("success", true);
            answer.put("accepted", receipt.accepted());
            answer.put("duplicates", receipt.duplicates());
            return answer;
        } catch (HearthProblem rejected) {
            // The platform will retry and may disable the webhook: worth an operator's look.
            log.warn(
                    "webhook topic {} for source {} rejected: {}",
                    topic,
                    source.sourceId(),
                    rejected.type().code());
            throw rejected;
        }
    }

    private static String topic(HttpServletRequest request, String header) {
        String topic = request.getHeader(header);
        return topic == null ? "" : topic.trim();
    }

    private static boolean isPing(byte[] body) {
        return WOOCOMMERCE_PING
                .matcher(new String(body, StandardCharsets.US_ASCII).trim())
                .matches();
    }

    private static Optional<UUID> parse(String sourceId) {
        try {
            return Optional.of(UUID.fromString(sourceId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
