package io.hearth.privacy.internal;

import io.hearth.privacy.ChainVerification;
import io.hearth.privacy.DecisionPage;
import io.hearth.privacy.PrivacyManagement;
import io.hearth.privacy.RecordedDecision;
import io.hearth.shared.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The decision log: a customer's decisions ({@code read}) and verification of the chain ({@code admin}). */
@RestController
@Tag(name = "Decisions", description = "The tamper-evident log of automated decisions")
class DecisionController {

    private final PrivacyManagement privacy;

    DecisionController(PrivacyManagement privacy) {
        this.privacy = privacy;
    }

    @GetMapping(path = "/v1/customers/{customerId}/decisions", produces = "application/json")
    @Operation(summary = "A customer's automated decisions, newest first, paged with limit and cursor")
    Map<String, Object> decisions(
            @PathVariable String customerId,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) @Nullable String cursor) {
        DecisionPage page =
                privacy.decisions(TenantContext.require(), ConsentRequests.customer(customerId), limit, cursor);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put(
                "data",
                page.decisions().stream().map(DecisionController::decision).toList());
        answer.put("next", page.next());
        return answer;
    }

    @GetMapping(path = "/v1/decisions/verify", produces = "application/json")
    @Operation(summary = "Recompute the tenant's decision hash chain and report the first broken link")
    Map<String, Object> verify() {
        ChainVerification verification = privacy.verifyChain(TenantContext.require());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("intact", verification.intact());
        answer.put("checked", verification.checked());
        verification.broken().ifPresent(link -> {
            Map<String, Object> broken = new LinkedHashMap<>();
            broken.put("sequence", link.sequence());
            if (link.decisionId() != null) {
                broken.put("decisionId", link.decisionId().toString());
            }
            broken.put("problem", link.problem());
            answer.put("firstBroken", broken);
        });
        return answer;
    }

    private static Map<String, Object> decision(RecordedDecision decision) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("sequence", decision.sequence());
        document.put("decisionId", decision.decisionId().toString());
        document.put("customerId", decision.customer().value());
        document.put("type", decision.type());
        document.put("inputs", decision.inputs());
        document.put("modelVersion", decision.modelVersion());
        document.put("outcome", decision.outcome());
        document.put("reason", decision.reason());
        document.put("occurredAt", decision.occurredAt().toString());
        document.put("recordedAt", decision.recordedAt().toString());
        document.put("hash", decision.hash());
        return document;
    }
}
