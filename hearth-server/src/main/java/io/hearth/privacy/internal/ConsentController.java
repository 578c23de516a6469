package io.hearth.privacy.internal;

import io.hearth.privacy.Channel;
import io.hearth.privacy.Consent;
import io.hearth.privacy.ConsentChange;
import io.hearth.privacy.CustomerConsents;
import io.hearth.privacy.PrivacyManagement;
import io.hearth.privacy.Purpose;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** A customer's consent: current answers, what they allow, and the history ({@code read}); changes ({@code admin}). */
@RestController
@Tag(name = "Consent", description = "Consent per purpose and channel")
class ConsentController {

    private final PrivacyManagement privacy;
    private final ConsentRequests requests;

    ConsentController(PrivacyManagement privacy, ConsentRequests requests) {
        this.privacy = privacy;
        this.requests = requests;
    }

    @GetMapping(path = "/v1/customers/{customerId}/consents", produces = "application/json")
    @Operation(summary = "A customer's current consents, what they allow per purpose and channel, and the history")
    Map<String, Object> consents(@PathVariable String customerId) {
        return document(TenantContext.require(), ConsentRequests.customer(customerId));
    }

    @PostMapping(
            path = "/v1/customers/{customerId}/consents",
            consumes = "application/json",
            produces = "application/json")
    @Operation(summary = "Record a consent change: {purpose, channel, granted, source, proof, occurredAt}")
    ResponseEntity<Map<String, Object>> record(@PathVariable String customerId, @RequestBody JsonNode body) {
        TenantId tenant = TenantContext.require();
        CustomerId customer = ConsentRequests.customer(customerId);
        ConsentChange change = requests.change(customer, body);
        boolean recorded = privacy.recordConsent(tenant, change);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("recorded", recorded);
        answer.putAll(document(tenant, customer));
        return ResponseEntity.status(recorded ? HttpStatus.CREATED : HttpStatus.OK)
                .body(answer);
    }

    private Map<String, Object> document(TenantId tenant, CustomerId customer) {
        CustomerConsents current = privacy.currentConsents(tenant, customer);
        Map<String, Object> allowed = new LinkedHashMap<>();
        for (Purpose purpose : Purpose.values()) {
            Map<String, Boolean> perChannel = new LinkedHashMap<>();
            for (Channel channel : Channel.values()) {
                perChannel.put(channel.key(), current.mayUse(purpose, channel));
            }
            allowed.put(purpose.key(), perChannel);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put(
                "current",
                current.current().stream().map(ConsentController::consent).toList());
        document.put("allowed", allowed);
        document.put(
                "history",
                privacy.consentHistory(tenant, customer).stream()
                        .map(ConsentController::consent)
                        .toList());
        return document;
    }

    private static Map<String, Object> consent(Consent consent) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("purpose", consent.purpose().key());
        document.put("channel", consent.channel().key());
        document.put("granted", consent.granted());
        document.put("source", consent.source());
        document.put("occurredAt", consent.occurredAt().toString());
        if (consent.proof() != null) {
            document.put("proof", consent.proof());
        }
        document.put("recordedAt", consent.recordedAt().toString());
        return document;
    }
}
