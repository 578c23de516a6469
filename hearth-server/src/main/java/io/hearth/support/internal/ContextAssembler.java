package io.hearth.support.internal;

import io.hearth.predictions.CustomerPredictions;
import io.hearth.predictions.PredictionManagement;
import io.hearth.profiles.CustomerOrder;
import io.hearth.profiles.CustomerProfile;
import io.hearth.profiles.ProfileManagement;
import io.hearth.shared.CustomerId;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.TenantId;
import io.hearth.support.Author;
import io.hearth.support.ContextPackage;
import io.hearth.support.ContextPackage.ArticlePassage;
import io.hearth.support.Conversation;
import io.hearth.support.LinkedConversation;
import io.hearth.support.MessageEntity;
import io.hearth.support.SupportMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The agent's context package: profile summary, recent orders, predictions, the priority with its
 * why, the conversation with what was read from it, suggested replies, the closest articles and the
 * customer's other conversations.
 * Reading only; it writes nothing.
 */
@Component
class ContextAssembler {

    private final ConversationService conversations;
    private final ConversationStore store;
    private final ProfileManagement profiles;
    private final PredictionManagement predictions;
    private final MessageReader reader;
    private final KnowledgeBase knowledge;
    private final LinkedConversations linked;

    ContextAssembler(
            ConversationService conversations,
            ConversationStore store,
            ProfileManagement profiles,
            PredictionManagement predictions,
            MessageReader reader,
            KnowledgeBase knowledge,
            LinkedConversations linked) {
        this.conversations = conversations;
        this.store = store;
        this.profiles = profiles;
        this.predictions = predictions;
        this.reader = reader;
        this.knowledge = knowledge;
        this.linked = linked;
    }

    private static final int LINKED_SHOWN = 5;

    private record Loaded(ConversationRow row, Conversation conversation) {}

    ContextPackage context(TenantId tenant, UUID id) {
        Loaded loaded = conversations.inTenant(tenant, () -> {
            ConversationRow row = store.lock(tenant, id).orElseThrow(() -> ConversationService.unknown(id));
            return new Loaded(row, conversations.toConversation(row, store.messages(tenant, id)));
        });
        Conversation conversation = loaded.conversation();
        // The other conversations are read after the lock is released: they need no consistency with
        // this one, and the lock holds back the customer's next message for as long as it is held.
        List<LinkedConversation> others = others(tenant, conversation.customerId(), id);
        CustomerProfile profile = conversation.customerId() == null
                ? null
                : profiles.profile(tenant, conversation.customerId()).orElse(null);
        List<CustomerOrder> orders = profile == null
                ? List.of()
                : profiles.orders(tenant, profile.customerId()).stream()
                        .limit(5)
                        .toList();
        SupportMessage last = conversation.messages().stream()
                .filter(m -> m.author() == Author.CUSTOMER)
                .reduce((a, b) -> b)
                .orElse(null);
        List<ArticlePassage> articles = last == null ? List.of() : articles(tenant, last.text());
        return new ContextPackage(
                conversation,
                summary(profile),
                orders,
                profile == null ? null : predictions(tenant, profile.customerId()),
                new ContextPackage.Priority(
                        loaded.row().effectivePriority(),
                        loaded.row().priority(),
                        loaded.row().override(),
                        conversation.why()),
                last == null ? null : last.intent(),
                last == null ? null : last.confidence(),
                last == null ? List.of() : last.orderNumbers(),
                entities(conversation),
                SuggestedReplies.of(
                        last == null ? null : last.intent(),
                        last == null ? List.of() : last.orderNumbers(),
                        orders,
                        articles),
                articles,
                others);
    }

    private List<LinkedConversation> others(TenantId tenant, @Nullable CustomerId customer, UUID id) {
        return customer == null
                ? List.of()
                : conversations.inTenant(tenant, () -> linked.others(tenant, customer, id, LINKED_SHOWN));
    }

    /** Read with {@code forCustomer}, which logs nothing: showing a score to an agent decides nothing. */
    private ContextPackage.@Nullable Predictions predictions(TenantId tenant, CustomerId customer) {
        try {
            CustomerPredictions scores = predictions.forCustomer(tenant, customer);
            return new ContextPackage.Predictions(
                    scores.asOf(), scores.lifetimeValue().orElse(null), scores.churnRisk());
        } catch (HearthProblem erased) {
            // the profile went away (erased or merged) between reading it and scoring it
            return null;
        }
    }

    /** What the customer named over the whole conversation; the first mention's text is kept. */
    static List<MessageEntity> entities(Conversation conversation) {
        Map<String, MessageEntity> distinct = new LinkedHashMap<>();
        conversation.messages().stream()
                .filter(m -> m.author() == Author.CUSTOMER)
                .flatMap(m -> m.entities().stream())
                .forEach(e -> distinct.putIfAbsent(e.kind() + "\u0000" + e.value() + "\u0000" + e.currency(), e));
        return List.copyOf(distinct.values());
    }

    private List<ArticlePassage> articles(TenantId tenant, String text) {
        return knowledge.search(tenant, text, reader.embed(text), 3).stream()
                .map(hit -> new ArticlePassage(
                        hit.passage().articleId(),
                        hit.passage().title(),
                        hit.passage().source(),
                        hit.passage().section(),
                        hit.passage().text(),
                        hit.score()))
                .toList();
    }

    private static Map<String, Object> summary(@Nullable CustomerProfile profile) {
        Map<String, Object> summary = new LinkedHashMap<>();
        if (profile == null) {
            return summary;
        }
        var computed = profile.computed();
        summary.put("customerId", profile.customerId().value());
        summary.put("ordersCount", computed.ordersCount());
        summary.put("revenue", computed.revenue());
        if (computed.currency() != null) {
            summary.put("currency", computed.currency());
        }
        summary.put("refundsCount", computed.refundsCount());
        if (computed.rfm() != null) {
            summary.put("rfm", computed.rfm().code());
        }
        if (profile.traits().get("tier") != null) {
            summary.put("tier", profile.traits().get("tier"));
        }
        summary.put("customerSince", profile.createdAt());
        return summary;
    }
}
