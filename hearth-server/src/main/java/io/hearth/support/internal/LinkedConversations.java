package io.hearth.support.internal;

import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import io.hearth.support.ConversationState;
import io.hearth.support.LinkedConversation;
import io.hearth.support.SupportMessage;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A customer's conversations across channels, found by her customer id; in the caller's tenant
 * transaction.
 */
@Repository
class LinkedConversations {

    private static final String LAST_ACTIVE = """
            coalesce((select max(m.created_at) from support_message m
                      where m.tenant_id = c.tenant_id and m.conversation_id = c.conversation_id), c.created_at)
            """;

    private final JdbcClient jdbc;
    private final ConversationStore conversations;

    LinkedConversations(JdbcClient jdbc, ConversationStore conversations) {
        this.jdbc = jdbc;
        this.conversations = conversations;
    }

    /**
     * Her newest conversation that is not resolved, not on the email channel and active since then:
     * a new mail of hers (one that answers no mail of Hearth's) continues it.
     */
    Optional<UUID> openOnOtherChannel(TenantId tenant, CustomerId customer, Instant since) {
        return jdbc.sql("select c.conversation_id, " + LAST_ACTIVE + " as active from support_conversation c"
                        + " where c.tenant_id = :t and c.customer_id = :customer and c.state <> 'RESOLVED'"
                        + " and c.channel <> 'email' and " + LAST_ACTIVE + " >= :since"
                        + " order by active desc, c.conversation_id limit 1")
                .param("t", tenant.value())
                .param("customer", customer.value())
                .param("since", Timestamp.from(since))
                .query((rs, n) -> rs.getObject(1, UUID.class))
                .optional();
    }

    /** Her other conversations on every channel, the most recently active first, with their messages. */
    List<LinkedConversation> others(TenantId tenant, CustomerId customer, UUID excluding, int limit) {
        record Head(UUID id, String channel, ConversationState state, Integer csat, Instant created, Instant active) {}
        List<Head> heads = jdbc.sql("select c.conversation_id, c.channel, c.state, c.csat, c.created_at, "
                        + LAST_ACTIVE + " as active from support_conversation c"
                        + " where c.tenant_id = :t and c.customer_id = :customer and c.conversation_id <> :excluding"
                        + " order by active desc, c.conversation_id limit :limit")
                .param("t", tenant.value())
                .param("customer", customer.value())
                .param("excluding", excluding)
                .param("limit", limit)
                .query((rs, n) -> new Head(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        ConversationState.valueOf(rs.getString(3)),
                        rs.getObject(4, Integer.class),
                        rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6).toInstant()))
                .list();
        Map<UUID, List<SupportMessage>> messages =
                conversations.messagesOf(tenant, heads.stream().map(Head::id).toList());
        return heads.stream()
                .map(head -> new LinkedConversation(
                        head.id(),
                        head.channel(),
                        head.state(),
                        head.csat(),
                        head.created(),
                        head.active(),
                        messages.getOrDefault(head.id(), List.of())))
                .toList();
    }
}
