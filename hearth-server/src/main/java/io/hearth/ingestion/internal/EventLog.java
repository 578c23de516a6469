package io.hearth.ingestion.internal;

import io.hearth.ingestion.StoredEvent;
import io.hearth.shared.TenantId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
 * server-side. A message id is claimed by a 16-byte key, the first half of its SHA-256, so that the
 * claims' unique index compares fixed-width keys instead of text under the database's collation.
 */
@Repository
public class EventLog {

    /**
     * One round trip: claim the message ids (a duplicate claims nothing) and append exactly the
     * events whose ids were claimed, returning their event ids.
     */
    private static final String APPEND_NEW_EVENTS = """
            with e as materialized (
                select * from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                     ?::timestamptz[], ?::timestamptz[], ?::text[])
                     as e(event_id, message_key, message_id, type, event, user_id, anonymous_id, occurred_at,
                          received_at, payload)),
            claimed as (
                insert into ingestion_message (tenant_id, source_id, message_key, message_id, received_at)
                select ?, ?, message_key, message_id, received_at from e
                on conflict do nothing
                returning message_key)
            insert into ingestion_event (tenant_id, event_id, source_id, message_id, type, event, user_id,
                                         anonymous_id, occurred_at, received_at, payload)
            select ?, e.event_id, ?, e.message_id, e.type, e.event, e.user_id, e.anonymous_id, e.occurred_at,
                   e.received_at, e.payload::jsonb
            from e join claimed on claimed.message_key = e.message_key
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
        Keyed firstOfEachMessage = firstOfEachMessage(events);
        return jdbc.execute((ConnectionCallback<List<StoredEvent>>) connection -> {
            Set<UUID> appended = insert(connection, tenant, sourceId, firstOfEachMessage);
            return firstOfEachMessage.events().stream()
                    .filter(event -> appended.contains(event.eventId()))
                    .map(event -> stored(event, sourceId))
                    .toList();
        });
    }

    /** The events with their claim keys, the first of each key only: the rest are duplicates. */
    private static Keyed firstOfEachMessage(List<PendingEvent> events) {
        MessageDigest sha256 = sha256();
        Set<UUID> seen = new HashSet<>();
        List<PendingEvent> first = new ArrayList<>(events.size());
        List<UUID> keys = new ArrayList<>(events.size());
        for (PendingEvent event : events) {
            UUID key = messageKey(sha256, event.messageId());
            if (seen.add(key)) {
                first.add(event);
                keys.add(key);
            }
        }
        return new Keyed(first, keys.toArray(UUID[]::new));
    }

    /** The first 16 bytes of the message id's SHA-256, as V100 computes them for the ids stored before it. */
    static UUID messageKey(MessageDigest sha256, String messageId) {
        ByteBuffer digest = ByteBuffer.wrap(sha256.digest(messageId.getBytes(StandardCharsets.UTF_8)));
        return new UUID(digest.getLong(), digest.getLong());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private record Keyed(List<PendingEvent> events, UUID[] keys) {}

    private static Set<UUID> insert(Connection connection, TenantId tenant, UUID sourceId, Keyed keyed)
            throws SQLException {
        List<PendingEvent> events = keyed.events();
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
            statement.setArray(2, connection.createArrayOf("uuid", keyed.keys()));
            // A String[] goes over in PostgreSQL's binary array form: a text array literal would
            // backslash-escape every quote of the JSON payloads and make the server parse it back.
            for (int column = 0; column < columns.length; column++) {
                statement.setObject(3 + column, columns[column]);
            }
            statement.setObject(11, tenant.value());
            statement.setObject(12, sourceId);
            statement.setObject(13, tenant.value());
            statement.setObject(14, sourceId);
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
