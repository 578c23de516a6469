package io.hearth.ingestion.internal;

import io.hearth.ingestion.StoredEvent;
import io.hearth.shared.TenantId;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The append-only event log. A batch costs two statements whatever its size: one claims the message
 * ids (the ones already known are duplicates), one appends the new events, each with arrays unnested
 * server-side.
 */
@Repository
public class EventLog {

    private static final String CLAIM_MESSAGE_IDS = """
            insert into ingestion_message (tenant_id, source_id, message_id, received_at)
            select ?, ?, id, ? from unnest(?::text[]) as id
            on conflict do nothing
            returning message_id
            """;
    private static final String APPEND_EVENTS = """
            insert into ingestion_event (tenant_id, event_id, source_id, message_id, type, event, user_id,
                                         anonymous_id, occurred_at, received_at, payload)
            select ?, e.event_id, ?, e.message_id, e.type, e.event, e.user_id, e.anonymous_id, e.occurred_at, ?,
                   e.payload::jsonb
            from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[])
                 as e(event_id, message_id, type, event, user_id, anonymous_id, occurred_at, payload)
            """;

    private final JdbcTemplate jdbc;

    EventLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends the events whose message ids are new for the source; returns those appended. */
    List<StoredEvent> append(TenantId tenant, UUID sourceId, Instant receivedAt, List<PendingEvent> events) {
        return jdbc.execute((ConnectionCallback<List<StoredEvent>>) connection -> {
            Set<String> fresh = claim(connection, tenant, sourceId, receivedAt, events);
            List<PendingEvent> toAppend = new ArrayList<>(fresh.size());
            for (PendingEvent event : events) {
                if (fresh.remove(event.messageId())) {
                    toAppend.add(event);
                }
            }
            if (!toAppend.isEmpty()) {
                insert(connection, tenant, sourceId, receivedAt, toAppend);
            }
            return toAppend.stream()
                    .map(event -> stored(event, sourceId, receivedAt))
                    .toList();
        });
    }

    private static Set<String> claim(
            Connection connection, TenantId tenant, UUID sourceId, Instant receivedAt, List<PendingEvent> events)
            throws SQLException {
        String[] messageIds = events.stream().map(PendingEvent::messageId).toArray(String[]::new);
        try (PreparedStatement statement = connection.prepareStatement(CLAIM_MESSAGE_IDS)) {
            statement.setObject(1, tenant.value());
            statement.setObject(2, sourceId);
            statement.setTimestamp(3, Timestamp.from(receivedAt));
            statement.setArray(4, connection.createArrayOf("text", messageIds));
            Set<String> fresh = new HashSet<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    fresh.add(rows.getString(1));
                }
            }
            return fresh;
        }
    }

    private static void insert(
            Connection connection, TenantId tenant, UUID sourceId, Instant receivedAt, List<PendingEvent> events)
            throws SQLException {
        int size = events.size();
        UUID[] ids = new UUID[size];
        String[][] columns = new String[7][size];
        for (int i = 0; i < size; i++) {
            PendingEvent event = events.get(i);
            ids[i] = event.eventId();
            columns[0][i] = event.messageId();
            columns[1][i] = event.type();
            columns[2][i] = event.event();
            columns[3][i] = event.userId();
            columns[4][i] = event.anonymousId();
            columns[5][i] = event.timestamp().toString();
            columns[6][i] = event.payload();
        }
        try (PreparedStatement statement = connection.prepareStatement(APPEND_EVENTS)) {
            statement.setObject(1, tenant.value());
            statement.setObject(2, sourceId);
            statement.setTimestamp(3, Timestamp.from(receivedAt));
            statement.setArray(4, connection.createArrayOf("uuid", ids));
            for (int column = 0; column < columns.length; column++) {
                Array array = connection.createArrayOf("text", columns[column]);
                statement.setArray(5 + column, array);
            }
            statement.executeUpdate();
        }
    }

    private static StoredEvent stored(PendingEvent event, UUID sourceId, Instant receivedAt) {
        return new StoredEvent(
                event.eventId(),
                sourceId,
                event.messageId(),
                event.type(),
                event.event(),
                event.userId(),
                event.anonymousId(),
                event.timestamp(),
                receivedAt,
                event.payload());
    }
}
