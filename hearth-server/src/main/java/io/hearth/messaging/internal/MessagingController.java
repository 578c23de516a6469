package io.hearth.messaging.internal;

import io.hearth.messaging.Attribution;
import io.hearth.messaging.InboxItem;
import io.hearth.messaging.MessageChannel;
import io.hearth.messaging.MessagingManagement;
import io.hearth.messaging.MessagingProblem;
import io.hearth.messaging.PublishedTemplate;
import io.hearth.messaging.RenderedMessage;
import io.hearth.messaging.SendRequest;
import io.hearth.messaging.SentMessage;
import io.hearth.messaging.Suppression;
import io.hearth.messaging.WebhookEndpoint;
import io.hearth.privacy.Purpose;
import io.hearth.shared.CustomerId;
import io.hearth.shared.FieldError;
import io.hearth.shared.HearthProblem;
import io.hearth.tenancy.Principal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Templates (publish, read, preview), sending one message, and a customer's message log. */
@RestController
@Tag(name = "Messaging", description = "Liquid templates, sending, the message log")
class MessagingController {

    private final MessagingManagement messaging;

    MessagingController(MessagingManagement messaging) {
        this.messaging = messaging;
    }

    @PutMapping(path = "/v1/templates/{key}", produces = "application/json")
    @Operation(summary = "Check and publish the next version of a template (admin)")
    PublishedTemplate publish(
            @AuthenticationPrincipal Principal caller, @PathVariable String key, @RequestBody JsonNode body) {
        return messaging.publishTemplate(caller.tenantId(), TemplateRequests.parse(key, body));
    }

    @GetMapping(path = "/v1/templates/{key}", produces = "application/json")
    @Operation(summary = "The newest published version of a template")
    PublishedTemplate template(@AuthenticationPrincipal Principal caller, @PathVariable String key) {
        return messaging
                .template(caller.tenantId(), key)
                .orElseThrow(() ->
                        new HearthProblem(MessagingProblem.UNKNOWN_TEMPLATE, "No published template has this key"));
    }

    @PostMapping(path = "/v1/templates/{key}/preview", produces = "application/json")
    @Operation(summary = "Render a template for a real customer")
    RenderedMessage preview(
            @AuthenticationPrincipal Principal caller, @PathVariable String key, @RequestBody JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        String customer = TemplateRequests.text(body, "customerId", errors);
        if (customer == null || customer.isBlank()) {
            errors.add(new FieldError("/customerId", "is required"));
        }
        LiquidTemplates.throwIfAny(errors);
        return messaging.preview(
                caller.tenantId(),
                key,
                new CustomerId(customer),
                TemplateRequests.text(body, "locale", errors),
                vars(body));
    }

    @PostMapping(path = "/v1/messages", produces = "application/json")
    @Operation(summary = "Send one message now, once per idempotency key (admin)")
    SentMessage send(@AuthenticationPrincipal Principal caller, @RequestBody JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        String customer = required(body, "customerId", errors);
        String template = required(body, "template", errors);
        String key = required(body, "idempotencyKey", errors);
        String channelText = TemplateRequests.text(body, "channel", errors);
        MessageChannel channel = channelText == null
                ? MessageChannel.EMAIL
                : MessageChannel.parse(channelText).orElse(null);
        if (channel == null) {
            errors.add(new FieldError("/channel", "must be email, sms, push, webhook or in-app"));
        }
        String purposeText = TemplateRequests.text(body, "purpose", errors);
        Purpose purpose = purposeText == null
                ? Purpose.MARKETING
                : Purpose.parse(purposeText).orElse(null);
        if (purpose == null) {
            errors.add(new FieldError("/purpose", "must be marketing, personalization, profiling or analytics"));
        }
        LiquidTemplates.throwIfAny(errors);
        return messaging.send(
                caller.tenantId(),
                new SendRequest(
                        new CustomerId(customer), template, channel, purpose, key, Attribution.NONE, vars(body)));
    }

    @GetMapping(path = "/v1/messages/{messageId}", produces = "application/json")
    @Operation(summary = "One message's delivery status")
    SentMessage message(@AuthenticationPrincipal Principal caller, @PathVariable java.util.UUID messageId) {
        return messaging
                .message(caller.tenantId(), messageId)
                .orElseThrow(() -> new HearthProblem(MessagingProblem.UNKNOWN_MESSAGE, "There is no such message"));
    }

    @GetMapping(path = "/v1/customers/{customerId}/messages", produces = "application/json")
    @Operation(summary = "The customer's messages, newest first")
    Map<String, List<SentMessage>> messages(
            @AuthenticationPrincipal Principal caller,
            @PathVariable String customerId,
            @RequestParam(defaultValue = "50") int limit) {
        return Map.of(
                "data", messaging.messages(caller.tenantId(), new CustomerId(customerId), Math.clamp(limit, 1, 500)));
    }

    @GetMapping(path = "/v1/customers/{customerId}/suppressions", produces = "application/json")
    @Operation(summary = "The customer's addresses that bounced hard or complained, newest first")
    Map<String, List<Suppression>> suppressions(
            @AuthenticationPrincipal Principal caller, @PathVariable String customerId) {
        return Map.of("data", messaging.suppressions(caller.tenantId(), new CustomerId(customerId)));
    }

    @GetMapping(path = "/v1/customers/{customerId}/inbox", produces = "application/json")
    @Operation(summary = "The customer's in-app inbox, newest first")
    Map<String, List<InboxItem>> inbox(
            @AuthenticationPrincipal Principal caller,
            @PathVariable String customerId,
            @RequestParam(defaultValue = "50") int limit) {
        return Map.of(
                "data", messaging.inbox(caller.tenantId(), new CustomerId(customerId), Math.clamp(limit, 1, 500)));
    }

    @PostMapping(path = "/v1/customers/{customerId}/inbox/{messageId}/read")
    @Operation(summary = "Mark an in-app message read")
    org.springframework.http.ResponseEntity<Void> read(
            @AuthenticationPrincipal Principal caller,
            @PathVariable String customerId,
            @PathVariable java.util.UUID messageId) {
        if (!messaging.markRead(caller.tenantId(), new CustomerId(customerId), messageId)) {
            throw new HearthProblem(MessagingProblem.UNKNOWN_MESSAGE, "No such message in the inbox");
        }
        return org.springframework.http.ResponseEntity.noContent().build();
    }

    @PutMapping(path = "/v1/messaging/webhook-endpoint", produces = "application/json")
    @Operation(summary = "Point the webhook channel at the shop's endpoint; answers a new signing secret (admin)")
    WebhookEndpoint configureWebhook(@AuthenticationPrincipal Principal caller, @RequestBody JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        String url = required(body, "url", errors);
        if (!errors.isEmpty()) {
            throw new HearthProblem(MessagingProblem.INVALID_REQUEST, "The webhook URL is missing", errors);
        }
        return messaging.configureWebhook(caller.tenantId(), url);
    }

    @GetMapping(path = "/v1/messaging/webhook-endpoint", produces = "application/json")
    @Operation(summary = "The webhook channel's endpoint, without its secret (admin)")
    WebhookEndpoint webhookEndpoint(@AuthenticationPrincipal Principal caller) {
        return messaging
                .webhookEndpoint(caller.tenantId())
                .orElseThrow(() ->
                        new HearthProblem(MessagingProblem.UNKNOWN_ENDPOINT, "No webhook endpoint is configured"));
    }

    private static String required(JsonNode body, String field, List<FieldError> errors) {
        String value = TemplateRequests.text(body, field, errors);
        if (value == null || value.isBlank()) {
            errors.add(new FieldError("/" + field, "is required"));
            return "";
        }
        return value;
    }

    private static Map<String, Object> vars(JsonNode body) {
        JsonNode vars = body.get("vars");
        if (vars == null || !vars.isObject()) {
            return Map.of();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        vars.properties().forEach(entry -> values.put(entry.getKey(), TemplateRequests.plain(entry.getValue())));
        return values;
    }
}
