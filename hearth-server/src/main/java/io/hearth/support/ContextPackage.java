package io.hearth.support;

import io.hearth.predictions.Prediction;
import io.hearth.profiles.CustomerOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What an agent sees with an escalated conversation.
 *
 * @param profile a summary of the customer (orders, revenue, RFM, tier); empty for an unknown customer
 * @param recentOrders the customer's five newest orders with their status
 * @param predictions the customer's predicted value and churn risk with their model versions; null
 *     for an unknown customer
 * @param priority the ticket's priority and the terms of its score
 * @param intent the intent of the last customer message
 * @param orderNumbers the order numbers of the last customer message
 * @param entities every entity the customer's messages named (order numbers, SKUs, emails, amounts,
 *     dates), once each by kind and value, in the order they were first named
 * @param suggestedReplies replies the agent can send as they are or edit
 * @param articles the knowledge-base passages closest to the last customer message
 * @param linkedConversations the customer's other conversations on any channel, the most recently
 *     active first (at most five), with their messages, so the agent reads the whole history
 */
public record ContextPackage(
        Conversation conversation,
        Map<String, Object> profile,
        List<CustomerOrder> recentOrders,
        @Nullable Predictions predictions,
        Priority priority,
        @Nullable String intent,
        @Nullable Double confidence,
        List<String> orderNumbers,
        List<MessageEntity> entities,
        List<String> suggestedReplies,
        List<ArticlePassage> articles,
        List<LinkedConversation> linkedConversations) {

    public ContextPackage {
        linkedConversations = List.copyOf(linkedConversations);
    }

    /**
     * The predictions module's scores the agent weighs the customer by, read for the package (reading
     * them writes nothing to the decision log; routing already logged the ones it used).
     *
     * @param lifetimeValue expected future revenue in the shop's currency; null without orders
     * @param churnRisk probability of no purchase within the churn horizon
     */
    public record Predictions(Instant asOf, @Nullable Prediction lifetimeValue, Prediction churnRisk) {}

    /**
     * Where the ticket sits in the queue and why.
     *
     * @param effective the score the queue orders by: the agent's override when there is one
     * @param computed the sum of the terms in {@code why}; null before the first escalation
     * @param override the agent's own priority; null without one
     * @param why the terms of the computed score, each with its reason
     */
    public record Priority(
            @Nullable Double effective,
            @Nullable Double computed,
            @Nullable Double override,
            List<PriorityFactor> why) {

        public Priority {
            why = List.copyOf(why);
        }
    }

    /** A passage quoted from an article. */
    public record ArticlePassage(
            String articleId, String title, String source, String section, String text, double score) {}
}
