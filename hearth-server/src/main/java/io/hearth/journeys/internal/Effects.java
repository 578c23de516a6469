package io.hearth.journeys.internal;

import io.hearth.ingestion.IngestionManagement;
import io.hearth.journeys.Step;
import io.hearth.privacy.Decision;
import io.hearth.profiles.ComputedAttributes;
import io.hearth.profiles.Identifier;
import io.hearth.profiles.IdentifierKind;
import io.hearth.shared.TenantId;
import io.hearth.tenancy.SourceKind;
import io.hearth.tenancy.TenantManagement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What steps do outside the run: branch conditions over the customer, trait updates (as identify
 * events from a "journeys" source, de-duplicated by a message id per (run, step)), signed webhooks,
 * and the decision log entry of every send decision.
 */
@Component
class Effects {

    private final JourneyExpressions expressions;
    private final IngestionManagement ingestion;
    private final TenantManagement tenants;
    private final WebhookCaller webhooks;
    private final JsonMapper json;

    Effects(
            JourneyExpressions expressions,
            IngestionManagement ingestion,
            TenantManagement tenants,
            WebhookCaller webhooks,
            JsonMapper json) {
        this.expressions = expressions;
        this.ingestion = ingestion;
        this.tenants = tenants;
        this.webhooks = webhooks;
        this.json = json;
    }

    boolean holds(RunState run, String condition) {
        return expressions.holds(condition, Map.of("customer", customer(run), "run", run.context));
    }

    /** The customer as branch conditions see it, as segments do: computed figures, traits under {@code traits}. */
    static Map<String, Object> customer(RunState run) {
        ComputedAttributes computed = run.profile.computed();
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("customer_id", run.profile.customerId().value());
        customer.put("traits", run.profile.traits());
        customer.put("orders_count", computed.ordersCount());
        customer.put("revenue", computed.revenue());
        customer.put(
                "days_since_last_order", computed.daysSinceLastOrder() == null ? -1L : computed.daysSinceLastOrder());
        customer.put("refunds_count", computed.refundsCount());
        customer.put("top_categories", computed.topCategories());
        return customer;
    }

    String updateTrait(RunState run, Step.UpdateTrait update) {
        Optional<String> userId = run.profile.identifiers().stream()
                .filter(identifier -> identifier.kind() == IdentifierKind.USER_ID)
                .map(Identifier::value)
                .findFirst();
        if (userId.isEmpty()) {
            return "no-user-id";
        }
        ObjectNode message = json.createObjectNode();
        message.put("userId", userId.get());
        message.put("messageId", "journey:" + run.effectKey(update.id()));
        message.set("traits", json.valueToTree(Map.of(update.trait(), update.value())));
        ingestion.ingestOne(run.tenant, source(run.tenant), "identify", message);
        return "done";
    }

    String webhook(RunState run, Step.Webhook webhook) {
        return webhooks.call(run, webhook);
    }

    void decide(RunState run, Step.Send send, String outcome, String reason) {
        ObjectNode inputs = json.createObjectNode();
        inputs.put("journey", run.key());
        inputs.put("version", run.journey.version());
        inputs.put("step", send.id());
        inputs.put("template", send.template());
        inputs.put("channel", send.channel().key());
        if (run.variant != null) {
            inputs.put("variant", run.variant);
        }
        run.decisions.add(new Decision(
                run.profile.customerId(), "journey.send", inputs, "journeys-guardrails@1", outcome, reason, null));
    }

    private UUID source(TenantId tenant) {
        return tenants.sourceNamed(tenant, "journeys")
                .orElseGet(() -> tenants.createSource(tenant, "journeys", SourceKind.SEGMENT, null, null)
                        .id());
    }
}
