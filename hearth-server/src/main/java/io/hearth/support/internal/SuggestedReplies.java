package io.hearth.support.internal;

import io.hearth.profiles.CustomerOrder;
import io.hearth.support.ContextPackage.ArticlePassage;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Replies an agent can start from: one for the detected intent, about the order in question, and the best article. */
final class SuggestedReplies {

    private SuggestedReplies() {}

    static List<String> of(
            @Nullable String intent, List<String> named, List<CustomerOrder> orders, List<ArticlePassage> articles) {
        List<String> replies = new ArrayList<>();
        // the order the customer named, else their newest
        CustomerOrder about = orders.stream()
                .filter(o -> named.contains(o.orderId()))
                .findFirst()
                .orElse(orders.isEmpty() ? null : orders.getFirst());
        String order = about == null ? "your order" : "order " + about.orderId();
        String status = about == null ? "" : " (" + about.status().name().toLowerCase(java.util.Locale.ROOT) + ")";
        String line = switch (intent == null ? "" : intent) {
            case "order_status" -> "I have checked " + order + status + " and will update you as soon as it moves.";
            case "cancel_order" -> "I have cancelled " + order + " for you; the refund follows within 5 working days.";
            case "return_request" -> "I have started the return of " + order + "; the label is on its way by email.";
            case "refund_status" -> "I have checked the refund of " + order + status + " with our payments team.";
            case "change_address" -> "I have updated the delivery address of " + order + ".";
            case "complaint" ->
                "I am sorry about this. I have looked into " + order + status + " and would like to make it right.";
            default -> "Thank you for your patience. Let me look into " + order + " for you.";
        };
        replies.add(line);
        if (!articles.isEmpty()) {
            replies.add(articles.getFirst().text() + " (" + articles.getFirst().source() + ")");
        }
        return List.copyOf(replies);
    }
}
