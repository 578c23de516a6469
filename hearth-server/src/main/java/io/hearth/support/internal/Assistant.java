package io.hearth.support.internal;

import io.hearth.ml.retrieval.RetrievedPassage;
import io.hearth.profiles.CustomerOrder;
import io.hearth.profiles.CustomerProfile;
import io.hearth.profiles.ProfileManagement;
import io.hearth.shared.TenantId;
import io.hearth.support.EscalationReason;
import io.hearth.support.SupportActionRequested;
import io.hearth.support.SupportPolicy;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Decides what to do with one customer message: hand it to an agent (explicit request, complaint,
 * negative sentiment, high-value customer, low confidence with no article to quote, repeated
 * failure) or answer it with an automation over the shop's own data. Runs in the conversation's
 * transaction; every answer and action is written to the decision log.
 */
@Component
class Assistant {

    /** Below this cosine the best passage is not about the question. */
    static final double MIN_PASSAGE_COSINE = 0.45;

    /** Intents answered from the shop's data or policy rather than its articles, when confident. */
    static final Set<String> AUTOMATED = Set.of(
            "order_status",
            "cancel_order",
            "change_address",
            "return_request",
            "refund_status",
            "invoice",
            "account_help",
            "human_agent",
            "complaint");

    private final ProfileManagement profiles;
    private final OrderAutomations orders;
    private final ActionStore actions;
    private final Escalator escalator;
    private final DecisionWriter decisions;
    private final SupportModels models;
    private final ApplicationEventPublisher events;
    private final GroundedAnswers generative;
    private final Clock clock;

    Assistant(
            ProfileManagement profiles,
            OrderAutomations orders,
            ActionStore actions,
            Escalator escalator,
            DecisionWriter decisions,
            SupportModels models,
            ApplicationEventPublisher events,
            GroundedAnswers generative,
            Clock clock) {
        this.generative = generative;
        this.profiles = profiles;
        this.orders = orders;
        this.actions = actions;
        this.escalator = escalator;
        this.decisions = decisions;
        this.models = models;
        this.events = events;
        this.clock = clock;
    }

    /** What the assistant answers; {@code escalation} is set when the conversation went to an agent. */
    record Turn(
            String answer,
            @Nullable String automation,
            @Nullable EscalationReason escalation,
            boolean failed) {}

    Turn respond(TenantId tenant, ConversationRow row, Message message, SupportPolicy policy) {
        CustomerProfile profile = row.customerId() == null
                ? null
                : profiles.profile(tenant, row.customerId()).orElse(null);
        List<CustomerOrder> orderList = profile == null ? List.of() : profiles.orders(tenant, profile.customerId());
        EscalationReason reason = Escalations.before(message.reading(), policy, profile);
        Outcome outcome = null;
        if (reason == null) {
            outcome = automate(tenant, row, message, orderList, policy);
            if (outcome == null) {
                reason = message.reading().outOfScope()
                        ? EscalationReason.OUT_OF_SCOPE
                        : EscalationReason.LOW_CONFIDENCE;
            } else if (!outcome.helped() && row.failures() + 1 >= policy.maxFailures()) {
                reason = EscalationReason.REPEATED_FAILURE;
            }
        }
        if (outcome != null) {
            record(tenant, row, message, outcome);
        }
        if (reason != null) {
            escalator.escalate(
                    tenant, row, profile, orderList, message.reading().sentiment(), reason, policy);
            String answer = outcome == null ? Escalator.HANDOVER : outcome.answer() + " " + Escalator.HANDOVER;
            return new Turn(answer, outcome == null ? null : outcome.automation(), reason, failed(outcome));
        }
        return new Turn(outcome.answer(), outcome.automation(), null, failed(outcome));
    }

    private @Nullable Outcome automate(
            TenantId tenant,
            ConversationRow row,
            Message message,
            List<CustomerOrder> orderList,
            SupportPolicy policy) {
        Reading reading = message.reading();
        if (!Escalations.confident(reading, policy)) {
            return knowledge(message);
        }
        boolean known = row.customerId() != null;
        return switch (reading.intent()) {
            case "order_status" -> known ? orders.status(orderList, reading) : unknownCustomer("order_status");
            case "cancel_order" -> known ? orders.cancel(orderList, reading) : unknownCustomer("cancel_order");
            case "change_address" ->
                known ? orders.changeAddress(orderList, reading) : unknownCustomer("change_address");
            case "return_request" ->
                known
                        ? orders.startReturn(orderList, reading, message.text(), policy)
                        : unknownCustomer("return_request");
            case "refund_status" -> known ? refund(tenant, orderList, reading) : unknownCustomer("refund_status");
            case "delivery_period" -> {
                Outcome period = orders.deliveryPeriod(known ? orderList : List.of(), reading, policy);
                yield period == null ? knowledge(message) : period;
            }
            case "payment_methods" ->
                policy.paymentMethods().isEmpty()
                        ? knowledge(message)
                        : Outcome.answered(
                                "payment_methods",
                                "You can pay with " + String.join(", ", policy.paymentMethods()) + ".",
                                null);
            case "invoice" ->
                Outcome.answered(
                        "invoice", "You can download the invoice of every order at " + policy.invoiceUrl() + ".", null);
            case "account_help" ->
                Outcome.answered(
                        "account_help",
                        "You can reset your password and manage your account at " + policy.accountHelpUrl() + ".",
                        null);
            default -> knowledge(message);
        };
    }

    private Outcome refund(TenantId tenant, List<CustomerOrder> orderList, Reading reading) {
        String order = reading.orderNumbers().isEmpty()
                ? (orderList.isEmpty() ? null : orderList.getFirst().orderId())
                : reading.orderNumbers().getFirst();
        var returned = order == null
                ? null
                : actions.requestedAt(tenant, order, "return").orElse(null);
        return orders.refundStatus(orderList, reading, returned);
    }

    /**
     * A generated answer grounded in the passages, quoted with its sources; else (generation off,
     * refused or failed) the best passage word for word when it is close enough; else nothing, and
     * the message goes to an agent.
     */
    private static @Nullable Outcome knowledge(Message message) {
        if (message.generated() instanceof GroundedAnswers.Generation.Answered generated) {
            StringBuilder sources = new StringBuilder();
            for (RetrievedPassage cited : generated.cited()) {
                if (!sources.isEmpty()) {
                    sources.append("; ");
                }
                sources.append(cited.passage().title())
                        .append(", ")
                        .append(cited.passage().source());
            }
            return Outcome.answered("knowledge_generated", generated.text() + " (from " + sources + ")", null);
        }
        List<RetrievedPassage> passages = message.passages();
        if (passages.isEmpty() || passages.getFirst().cosine() < MIN_PASSAGE_COSINE) {
            return null;
        }
        var best = passages.getFirst().passage();
        return Outcome.answered(
                "knowledge", "\"" + best.text() + "\" (from " + best.title() + ", " + best.source() + ")", null);
    }

    private static boolean failed(@Nullable Outcome outcome) {
        return outcome != null && !outcome.helped();
    }

    /** Without a verified customer no order is looked up, so nothing about anyone's orders is revealed. */
    private static Outcome unknownCustomer(String automation) {
        return Outcome.failed(
                automation,
                "I cannot see your orders in this conversation. Please sign in to your account on our shop"
                        + " and open the chat again, or write to us from the email address you ordered with and"
                        + " give your order number.");
    }

    private void record(TenantId tenant, ConversationRow row, Message message, Outcome outcome) {
        if (outcome.action() != null && row.customerId() != null && outcome.orderId() != null) {
            UUID action = UUID.randomUUID();
            if (actions.request(
                    tenant,
                    action,
                    row.conversationId(),
                    row.customerId(),
                    outcome.orderId(),
                    outcome.action(),
                    clock.instant())) {
                events.publishEvent(new SupportActionRequested(
                        tenant, action, row.conversationId(), row.customerId(), outcome.orderId(), outcome.action()));
            }
        }
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("conversationId", row.conversationId().toString());
        inputs.put("intent", message.reading().intent());
        inputs.put("confidence", Math.round(message.reading().confidence() * 1000) / 1000.0);
        if (outcome.orderId() != null) {
            inputs.put("orderId", outcome.orderId());
        }
        String version = models.modelVersion(tenant);
        switch (message.generated()) {
            case GroundedAnswers.Generation.Answered generated -> {
                inputs.put("generation", "answered");
                inputs.put(
                        "sources",
                        generated.cited().stream()
                                .map(cited -> cited.passage().articleId())
                                .toList());
                version = version + "+" + generative.version();
            }
            case GroundedAnswers.Generation.Refused refused -> {
                inputs.put("generation", "refused");
                inputs.put("generationReason", refused.reason());
            }
            case GroundedAnswers.Generation.Unavailable unavailable -> {
                inputs.put("generation", "unavailable");
                inputs.put("generationReason", unavailable.reason());
            }
            case GroundedAnswers.Generation.None none -> {}
        }
        String type = outcome.action() != null ? "support.action" : "support.answered";
        String result = outcome.action() != null ? outcome.action() + ":" + outcome.orderId() : outcome.automation();
        decisions.write(
                tenant,
                row.customerId(),
                type,
                inputs,
                version,
                result,
                outcome.helped() ? "answered by " + outcome.automation() : outcome.automation() + " could not help");
    }
}
