package io.hearth.support;

import io.hearth.profiles.CustomerOrder;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What an agent sees with an escalated conversation.
 *
 * @param profile a summary of the customer (orders, revenue, RFM, tier); empty for an unknown customer
 * @param recentOrders the customer's five newest orders with their status
 * @param intent the intent of the last customer message
 * @param orderNumbers the order numbers of the last customer message
 * @param entities every entity the customer's messages named (order numbers, SKUs, emails, amounts,
 *     dates), once each by kind and value, in the order they were first named
 * @param suggestedReplies replies the agent can send as they are or edit
 * @param articles the knowledge-base passages closest to the last customer message
 */
public record ContextPackage(
        Conversation conversation,
        Map<String, Object> profile,
        List<CustomerOrder> recentOrders,
        @Nullable String intent,
        @Nullable Double confidence,
        List<String> orderNumbers,
        List<MessageEntity> entities,
        List<String> suggestedReplies,
        List<ArticlePassage> articles) {

    /** A passage quoted from an article. */
    public record ArticlePassage(
            String articleId, String title, String source, String section, String text, double score) {}
}
