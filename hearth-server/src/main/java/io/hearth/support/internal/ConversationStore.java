package io.hearth.support.internal;

import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import io.hearth.support.Author;
import io.hearth.support.ConversationState;
import io.hearth.support.EscalationReason;
import io.hearth.support.MessageEntity;
import io.hearth.support.SupportMessage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Conversations and messages; every method runs in the caller's tenant transaction. A message's
 * entities are a JSON array of {@link MessageEntity} objects; its order numbers are read back from
 * them, so the two never disagree.
 */
@Repository
class ConversationStore {

    private static final String COLUMNS = """
            conversation_id, customer_id, channel, state, queue, escalation_reason, priority,
            priority_why::text as why, priority_override, failures, csat, created_at, escalated_at, sla_breached_at,
            assigned_to
            """;

    private static final TypeReference<List<MessageEntity>> ENTITIES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ConversationStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void create(TenantId tenant, UUID id, @Nullable CustomerId customer, String channel, Instant now) {
        jdbc.sql("""
                insert into support_conversation (tenant_id, conversation_id, customer_id, channel, state, created_at)
                values (:t, :id, :customer, :channel, 'ASSISTANT', :now)
                """)
                .param("t", tenant.value())
                .param("id", id)
                .param("customer", customer == null ? null : customer.value())
                .param("channel", channel)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** The row, locked until the transaction ends so two messages of one conversation take turns. */
    Optional<ConversationRow> lock(TenantId tenant, UUID id) {
        return jdbc.sql("select " + COLUMNS
                        + " from support_conversation where tenant_id = :t and conversation_id = :id" + " for update")
                .param("t", tenant.value())
                .param("id", id)
                .query(ConversationStore::row)
                .optional();
    }

    /** Escalated conversations, highest priority (the agent's override first) first, then oldest. */
    List<ConversationRow> queue(TenantId tenant, @Nullable String queue, @Nullable String assignee, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                 from support_conversation where tenant_id = :t and state = 'ESCALATED'
                 and (cast(:queue as text) is null or queue = :queue)
                 and (cast(:assignee as text) is null or assigned_to = :assignee)
                 order by coalesce(priority_override, priority) desc, escalated_at, conversation_id limit :limit
                """)
                .param("t", tenant.value())
                .param("queue", queue)
                .param("assignee", assignee)
                .param("limit", limit)
                .query(ConversationStore::row)
                .list();
    }

    void addMessage(TenantId tenant, UUID conversation, SupportMessage message) {
        jdbc.sql("""
                insert into support_message (tenant_id, message_id, conversation_id, author, body, intent,
                  confidence, sentiment, entities, created_at)
                values (:t, :id, :c, :author, :body, :intent, :confidence, :sentiment, cast(:entities as jsonb), :at)
                """)
                .param("t", tenant.value())
                .param("id", message.messageId())
                .param("c", conversation)
                .param("author", message.author().name())
                .param("body", message.text())
                .param("intent", message.intent())
                .param("confidence", message.confidence())
                .param("sentiment", message.sentiment())
                .param("entities", message.entities().isEmpty() ? null : json.writeValueAsString(message.entities()))
                .param("at", Timestamp.from(message.createdAt()))
                .update();
    }

    List<SupportMessage> messages(TenantId tenant, UUID conversation) {
        return jdbc.sql("select " + MESSAGE_COLUMNS
                        + " from support_message where tenant_id = :t and conversation_id = :c order by seq")
                .param("t", tenant.value())
                .param("c", conversation)
                .query((rs, n) -> message(rs))
                .list();
    }

    /** The messages of several conversations in one query, each conversation's oldest first. */
    Map<UUID, List<SupportMessage>> messagesOf(TenantId tenant, Collection<UUID> conversations) {
        Map<UUID, List<SupportMessage>> byConversation = new LinkedHashMap<>();
        if (conversations.isEmpty()) {
            return byConversation;
        }
        jdbc.sql("select " + MESSAGE_COLUMNS + ", conversation_id from support_message"
                        + " where tenant_id = :t and conversation_id = any(:c) order by conversation_id, seq")
                .param("t", tenant.value())
                .param("c", conversations.toArray(UUID[]::new))
                .query(rs -> {
                    byConversation
                            .computeIfAbsent(rs.getObject(9, UUID.class), c -> new ArrayList<>())
                            .add(message(rs));
                });
        return byConversation;
    }

    private static final String MESSAGE_COLUMNS =
            "message_id, author, body, intent, confidence, sentiment, entities::text, created_at";

    private SupportMessage message(ResultSet rs) throws SQLException {
        List<MessageEntity> entities = rs.getString(7) == null ? List.of() : json.readValue(rs.getString(7), ENTITIES);
        return new SupportMessage(
                rs.getObject(1, UUID.class),
                Author.valueOf(rs.getString(2)),
                rs.getString(3),
                rs.getString(4),
                rs.getObject(5, Double.class),
                rs.getObject(6, Double.class),
                entities.stream()
                        .filter(e -> e.kind() == MessageEntity.Kind.ORDER_NUMBER)
                        .map(MessageEntity::value)
                        .toList(),
                entities,
                rs.getTimestamp(8).toInstant());
    }

    /** Sets the named columns; names come from this module's code, never from a request. */
    void set(TenantId tenant, UUID id, String assignments, Object... params) {
        var statement = jdbc.sql("update support_conversation set " + assignments
                        + " where tenant_id = :t and conversation_id = :id")
                .param("t", tenant.value())
                .param("id", id);
        for (int i = 0; i < params.length; i += 2) {
            statement = statement.param((String) params[i], params[i + 1]);
        }
        statement.update();
    }

    private static ConversationRow row(ResultSet rs, int n) throws SQLException {
        String customer = rs.getString("customer_id");
        String reason = rs.getString("escalation_reason");
        return new ConversationRow(
                rs.getObject("conversation_id", UUID.class),
                customer == null ? null : CustomerId.of(customer),
                rs.getString("channel"),
                ConversationState.valueOf(rs.getString("state")),
                rs.getString("queue"),
                reason == null ? null : EscalationReason.valueOf(reason),
                rs.getObject("priority", Double.class),
                rs.getString("why"),
                rs.getObject("priority_override", Double.class),
                rs.getInt("failures"),
                rs.getObject("csat", Integer.class),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("escalated_at")),
                instant(rs.getTimestamp("sla_breached_at")),
                rs.getString("assigned_to"));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
