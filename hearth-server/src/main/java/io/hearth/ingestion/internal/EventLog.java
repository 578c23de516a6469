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
 * The append-only event log. A batch costs one statement whatever its size: it claims the message
 * ids (the ones already known are duplicates) and appends the new events, with arrays unnested
 * server-side.
 */
@Repository
public class EventLog {

    /**
     * One round trip: claim the message ids (a duplicate claims nothing) and append exactly the
     * events whose ids were claimed, returning their event ids.
     */
    private static final String APPEND_NEW_EVENTS = """
            with claimed as (
                insert into ingestion_message (tenant_id, source_id, message_id, received_at)
                select ?, ?, id, ? from unnest(?::text[]) as id
                on conflict do nothing
                returning message_id)
            insert into ingestion_event (tenant_id, event_id, source_id, message_id, type, event, user_id,
                                         anonymous_id, occurred_at, received_at, payload)
            select ?, e.event_id, ?, e.message_id, e.type, e.event, e.user_id, e.anonymous_id, e.occurred_at, ?,
                   e.payload::jsonb
            from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[])
                 as e(event_id, message_id, type, event, user_id, anonymous_id, occurred_at, payload)
            join claimed on claimed.message_id = e.message_id
            returning event_id
            """;

    private final JdbcTemplate jdbc;

    EventLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends the events whose message ids are new for the source; returns those appended. */
    List<StoredEvent> append(TenantId tenant, UUID sourceId, Instant receivedAt, List<PendingEvent> events) {
        List<PendingEvent> firstOfEachMessage = firstOfEachMessage(events);
        return jdbc.execute((ConnectionCallback<List<StoredEvent>>) connection -> {
            Set<UUID> appended = insert(connection, tenant, sourceId, receivedAt, firstOfEachMessage);
            return firstOfEachMessage.stream()
                    .filter(event -> appended.contains(event.eventId()))
                    .map(event -> stored(event, sourceId, receivedAt))
                    .toList();
        });
    }

    private static List<PendingEvent> firstOfEachMessage(List<PendingEvent> events) {
        Set<String> seen = new HashSet<>();
        List<PendingEvent> first = new ArrayList<>(events.size());
        for (PendingEvent event : events) {
            if (seen.add(event.messageId())) {
                first.add(event);
            }
        }
        return first;
    }

    private static Set<UUID> insert(
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
        try (PreparedStatement statement = connection.prepareStatement(APPEND_NEW_EVENTS)) {
            Timestamp received = Timestamp.from(receivedAt);
            statement.setObject(1, tenant.value());
            statement.setObject(2, sourceId);
            statement.setTimestamp(3, received);
            statement.setArray(4, connection.createArrayOf("text", columns[0]));
            statement.setObject(5, tenant.value());
            statement.setObject(6, sourceId);
            statement.setTimestamp(7, received);
            statement.setArray(8, connection.createArrayOf("uuid", ids));
            for (int column = 0; column < columns.length; column++) {
                Array array = connection.createArrayOf("text", columns[column]);
                statement.setArray(9 + column, array);
            }
            Set<UUID> appended = new HashSet<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    appended.add(rows.getObject(1, UUID.class));
                }
            }
            return appended;
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
