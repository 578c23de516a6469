package io.hearth.ingestion.internal;

import io.hearth.ingestion.StoredEvent;
import io.hearth.shared.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
            with e as materialized (
                select * from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                     ?::timestamptz[], ?::timestamptz[], ?::text[])
                     as e(event_id, message_id, type, event, user_id, anonymous_id, occurred_at, received_at, payload)),
            claimed as (
                insert into ingestion_message (tenant_id, source_id, message_id, received_at)
                select ?, ?, message_id, received_at from e
                on conflict do nothing
                returning message_id)
            insert into ingestion_event (tenant_id, event_id, source_id, message_id, type, event, user_id,
                                         anonymous_id, occurred_at, received_at, payload)
            select ?, e.event_id, ?, e.message_id, e.type, e.event, e.user_id, e.anonymous_id, e.occurred_at,
                   e.received_at, e.payload::jsonb
            from e join claimed on claimed.message_id = e.message_id
            returning event_id
            """;

    private final JdbcTemplate jdbc;

    EventLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Appends the events whose message ids are new for the source; returns those appended. Each event
     * keeps its own arrival time, so calls that arrived apart can share the statement.
     */
    List<StoredEvent> append(TenantId tenant, UUID sourceId, List<PendingEvent> events) {
        List<PendingEvent> firstOfEachMessage = firstOfEachMessage(events);
        return jdbc.execute((ConnectionCallback<List<StoredEvent>>) connection -> {
            Set<UUID> appended = insert(connection, tenant, sourceId, firstOfEachMessage);
            return firstOfEachMessage.stream()
                    .filter(event -> appended.contains(event.eventId()))
                    .map(event -> stored(event, sourceId))
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

    private static Set<UUID> insert(Connection connection, TenantId tenant, UUID sourceId, List<PendingEvent> events)
            throws SQLException {
        int size = events.size();
        UUID[] ids = new UUID[size];
        String[][] columns = new String[8][size];
        for (int i = 0; i < size; i++) {
            PendingEvent event = events.get(i);
            ids[i] = event.eventId();
            columns[0][i] = event.messageId();
            columns[1][i] = event.type();
            columns[2][i] = event.event();
            columns[3][i] = event.userId();
            columns[4][i] = event.anonymousId();
            columns[5][i] = Timestamps.format(event.timestamp());
            columns[6][i] = Timestamps.format(event.receivedAt());
            columns[7][i] = event.payload();
        }
        try (PreparedStatement statement = connection.prepareStatement(APPEND_NEW_EVENTS)) {
            statement.setArray(1, connection.createArrayOf("uuid", ids));
            // A String[] goes over in PostgreSQL's binary array form: a text array literal would
            // backslash-escape every quote of the JSON payloads and make the server parse it back.
            for (int column = 0; column < columns.length; column++) {
                statement.setObject(2 + column, columns[column]);
            }
            statement.setObject(10, tenant.value());
            statement.setObject(11, sourceId);
            statement.setObject(12, tenant.value());
            statement.setObject(13, sourceId);
            Set<UUID> appended = new HashSet<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    appended.add(rows.getObject(1, UUID.class));
                }
            }
            return appended;
        }
    }

    private static StoredEvent stored(PendingEvent event, UUID sourceId) {
        return new StoredEvent(
                event.eventId(),
                sourceId,
                event.messageId(),
                event.type(),
                event.event(),
                event.userId(),
                event.anonymousId(),
                event.timestamp(),
                event.receivedAt(),
                event.payload());
    }
}
