package io.hearth.journeys.internal;

import io.hearth.journeys.JourneysProblem;
import io.hearth.loyalty.Balance;
import io.hearth.loyalty.LoyaltyManagement;
import io.hearth.loyalty.RewardOffer;
import io.hearth.loyalty.TierStatus;
import io.hearth.messaging.MessagingManagement;
import io.hearth.messaging.SentMessage;
import io.hearth.profiles.CustomerOrder;
import io.hearth.profiles.CustomerProfile;
import io.hearth.profiles.ProfileManagement;
import io.hearth.recommendations.RecommendationManagement;
import io.hearth.recommendations.RecommendedItem;
import io.hearth.shared.CustomerId;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import io.hearth.support.Conversation;
import io.hearth.support.ConversationState;
import io.hearth.support.SupportManagement;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a store associate sees for the customer in front of them, from the same sources the digital
 * channels use: recent orders, open support conversations, the slate recommendations would serve
 * now (a preview, so showing it changes nothing), the current offer (the voucher a journey issued,
 * else the best reward their points cover), the journeys they are in and the messages they got,
 * and talking points drawn from all of it.
 */
@Component
class Clienteling {

    private static final int RECENT = 5;
    private static final Duration RECENTLY_DELIVERED = Duration.ofDays(14);
    private static final java.util.Set<String> NOT_DELIVERED = java.util.Set.of("placed", "paid", "fulfilled");

    private final ProfileManagement profiles;
    private final SupportManagement support;
    private final RecommendationManagement recommendations;
    private final LoyaltyManagement loyalty;
    private final MessagingManagement messaging;
    private final RunStore runs;
    private final JdbcClient jdbc;
    private final Clock clock;

    Clienteling(
            ProfileManagement profiles,
            SupportManagement support,
            RecommendationManagement recommendations,
            LoyaltyManagement loyalty,
            MessagingManagement messaging,
            RunStore runs,
            JdbcClient jdbc,
            Clock clock) {
        this.profiles = profiles;
        this.support = support;
        this.recommendations = recommendations;
        this.loyalty = loyalty;
        this.messaging = messaging;
        this.runs = runs;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record View(
            Customer customer,
            List<Order> recentOrders,
            List<Issue> openIssues,
            List<Recommendation> recommendations,
            @Nullable Offer currentOffer,
            List<ActiveJourney> journeys,
            List<Message> recentMessages,
            List<String> talkingPoints) {}

    record Customer(
            String customerId,
            @Nullable String name,
            @Nullable String email,
            long ordersCount,
            BigDecimal revenue,
            @Nullable String tier,
            long points) {}

    record Order(
            String orderId,
            String status,
            @Nullable BigDecimal total,
            @Nullable String currency,
            @Nullable Instant placedAt,
            @Nullable Instant deliveredAt) {}

    record Issue(
            String conversationId,
            @Nullable String queue,
            @Nullable String reason,
            Instant openedAt,
            boolean slaBreached) {}

    record Recommendation(String productId, @Nullable String name, String reason) {}

    /** The offer, and where the customer heard of it: {@code journey} for a voucher a journey issued, {@code loyalty} for a reward. */
    record Offer(String kind, String label, @Nullable String code, String source) {}

    record ActiveJourney(String journey, @Nullable String step) {}

    record Message(
            String template,
            String channel,
            String status,
            @Nullable Instant sentAt,
            @Nullable String journey) {}

    View view(TenantId tenant, CustomerId customerId) {
        CustomerProfile profile = profiles.profile(tenant, customerId)
                .orElseThrow(() -> new HearthProblem(JourneysProblem.UNKNOWN_CUSTOMER, "No customer has this id"));
        CustomerId id = profile.customerId();
        Balance balance = loyalty.balance(tenant, id);
        TierStatus tier = loyalty.tierStatus(tenant, id);
        List<CustomerOrder> allOrders = profiles.orders(tenant, id);
        List<Order> orders = allOrders.stream()
                .sorted(Comparator.comparing(CustomerOrder::placedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(RECENT)
                .map(order -> new Order(
                        order.orderId(),
                        order.status().name().toLowerCase(Locale.ROOT),
                        order.total(),
                        order.currency(),
                        order.placedAt(),
                        order.deliveredAt()))
                .toList();
        List<Issue> issues = support.queue(tenant, null, 500).stream()
                .filter(conversation -> id.equals(conversation.customerId()))
                .filter(conversation -> conversation.state() != ConversationState.RESOLVED)
                .map(Clienteling::issue)
                .toList();
        List<Recommendation> slate = recommendations.preview(tenant, id, RECENT).items().stream()
                .map(Clienteling::recommendation)
                .toList();
        Offer offer =
                journeyVoucher(tenant, id).or(() -> bestReward(tenant, id)).orElse(null);
        List<ActiveJourney> active = TenantContext.call(tenant, () -> runs.activeOf(tenant, id)).stream()
                .map(run -> new ActiveJourney(run.journey(), run.stepId()))
                .toList();
        List<Message> messages = messaging.messages(tenant, id, RECENT).stream()
                .map(Clienteling::message)
                .toList();
        Customer customer = new Customer(
                id.value(),
                name(profile),
                text(profile.traits().get("email")),
                profile.computed().ordersCount(),
                profile.computed().revenue(),
                tier.tier(),
                balance.available());
        return new View(
                customer,
                orders,
                issues,
                slate,
                offer,
                active,
                messages,
                talkingPoints(orders, issues, offer, messages));
    }

    private Optional<Offer> journeyVoucher(TenantId tenant, CustomerId customer) {
        return TenantContext.call(
                tenant,
                () -> jdbc.sql("""
                        select journey_key, context ->> 'voucher' from journeys_run
                        where tenant_id = :tenant and customer_id = :customer and context -> 'voucher' is not null
                        order by started_at desc limit 1
                        """)
                        .param("tenant", tenant.value())
                        .param("customer", customer.value())
                        .query((rs, row) -> new Offer(
                                "voucher", "Voucher " + rs.getString(2), rs.getString(2), "journey " + rs.getString(1)))
                        .optional());
    }

    private Optional<Offer> bestReward(TenantId tenant, CustomerId customer) {
        return loyalty.rewardsFor(tenant, customer).stream()
                .filter(RewardOffer::affordable)
                .map(RewardOffer::reward)
                .max(Comparator.comparingLong(io.hearth.loyalty.Reward::cost))
                .map(reward -> new Offer(
                        "reward", reward.name() + " for " + reward.cost() + " points", reward.rewardId(), "loyalty"));
    }

    private List<String> talkingPoints(
            List<Order> orders, List<Issue> issues, @Nullable Offer offer, List<Message> messages) {
        List<String> points = new ArrayList<>();
        for (Issue issue : issues) {
            points.add("Open support conversation" + (issue.queue() == null ? "" : " in " + issue.queue())
                    + (issue.slaBreached() ? ", past its SLA" : "") + ": acknowledge it first");
        }
        Instant now = clock.instant();
        for (Order order : orders) {
            if (NOT_DELIVERED.contains(order.status())) {
                points.add("Order " + order.orderId() + " is " + order.status() + " and not delivered yet");
            } else if (order.deliveredAt() != null
                    && order.deliveredAt().isAfter(now.minus(RECENTLY_DELIVERED))
                    && order.status().equals("delivered")) {
                points.add("Ask how order " + order.orderId() + " is going: delivered recently");
            }
        }
        if (offer != null) {
            String channel = messages.isEmpty() ? null : messages.getFirst().channel();
            points.add("Offer: " + offer.label() + " (from " + offer.source() + ")"
                    + (channel == null ? "" : "; their latest message came by " + channel));
        }
        return points;
    }

    private static Issue issue(Conversation conversation) {
        return new Issue(
                conversation.conversationId().toString(),
                conversation.queue(),
                conversation.escalationReason() == null
                        ? null
                        : conversation.escalationReason().toString(),
                Objects.requireNonNullElse(conversation.escalatedAt(), conversation.createdAt()),
                conversation.slaBreachedAt() != null);
    }

    private static Recommendation recommendation(RecommendedItem item) {
        return new Recommendation(item.productId(), item.name(), item.reason());
    }

    private static Message message(SentMessage message) {
        return new Message(
                message.templateKey(),
                message.channel().key(),
                message.status().name().toLowerCase(Locale.ROOT),
                message.sentAt(),
                message.attribution() == null ? null : message.attribution().journey());
    }

    private static @Nullable String name(CustomerProfile profile) {
        String first = text(profile.traits().get("firstName"));
        String last = text(profile.traits().get("lastName"));
        if (first == null && last == null) {
            return text(profile.traits().get("name"));
        }
        return (Objects.requireNonNullElse(first, "") + " " + Objects.requireNonNullElse(last, "")).trim();
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null ? null : value.toString();
    }
}
