package io.hearth.ingestion.internal;

import io.hearth.ingestion.EventPage;
import io.hearth.ingestion.EventQuery;
import io.hearth.ingestion.EventRef;
import io.hearth.ingestion.IngestionProblem;
import io.hearth.ingestion.StoredEvent;
import io.hearth.shared.FieldError;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.TenantContext;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads the event log newest first with keyset paging, so deep pages cost what the first does. */
@Repository
class EventSearch {

    private final NamedParameterJdbcTemplate jdbc;

    EventSearch(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    EventPage find(EventQuery query) {
        StringBuilder sql = new StringBuilder("""
                select event_id, source_id, message_id, type, event, user_id, anonymous_id, occurred_at,
                       received_at, payload::text as payload
                from ingestion_event where true
                """);
        Map<String, Object> params = new LinkedHashMap<>();
        filter(sql, params, "type", "type", query.type());
        filter(sql, params, "event", "event", query.event());
        filter(sql, params, "user_id", "userId", query.userId());
        filter(sql, params, "anonymous_id", "anonymousId", query.anonymousId());
        if (query.from() != null) {
            sql.append(" and occurred_at >= :from");
            params.put("from", Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            sql.append(" and occurred_at < :to");
            params.put("to", Timestamp.from(query.to()));
        }
        query.cursorValue().map(EventSearch::decode).ifPresent(cursor -> {
            sql.append(" and (occurred_at, event_id) < (:cursorTime, :cursorId)");
            params.put("cursorTime", Timestamp.from(cursor.timestamp()));
            params.put("cursorId", cursor.eventId());
        });
        sql.append(" order by occurred_at desc, event_id desc limit :limit");
        params.put("limit", query.limit() + 1);
        List<StoredEvent> rows = new ArrayList<>(jdbc.query(sql.toString(), params, (rs, row) -> event(rs)));
        if (rows.size() <= query.limit()) {
            return new EventPage(rows, null);
        }
        List<StoredEvent> page = rows.subList(0, query.limit());
        StoredEvent last = page.get(page.size() - 1);
        return new EventPage(page, encode(new Cursor(last.timestamp(), last.eventId())));
    }

    List<StoredEvent> byReference(List<EventRef> references) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("ids", references.stream().map(EventRef::eventId).toArray(UUID[]::new));
        params.put(
                "times",
                references.stream().map(ref -> Timestamp.from(ref.timestamp())).toArray(Timestamp[]::new));
        params.put("tenant", TenantContext.require().value());
        // One index lookup (in one partition) per wanted event, whatever the statistics say: planned as
        // a join, a partition not analyzed yet (a busy first day) was read whole for every batch.
        return jdbc.query("""
                select e.event_id, e.source_id, e.message_id, e.type, e.event, e.user_id, e.anonymous_id, e.occurred_at,
                       e.received_at, e.payload::text as payload
                from unnest(cast(:ids as uuid[]), cast(:times as timestamptz[])) as wanted(event_id, occurred_at)
                cross join lateral (
                    select * from ingestion_event found
                    where found.tenant_id = :tenant and found.occurred_at = wanted.occurred_at
                      and found.event_id = wanted.event_id
                ) e
                """, params, (rs, row) -> event(rs));
    }

    private static void filter(
            StringBuilder sql, Map<String, Object> params, String column, String name, String value) {
        if (value != null) {
            sql.append(" and ").append(column).append(" = :").append(name);
            params.put(name, value);
        }
    }

    private static StoredEvent event(ResultSet rs) throws SQLException {
        return new StoredEvent(
                rs.getObject("event_id", UUID.class),
                rs.getObject("source_id", UUID.class),
                rs.getString("message_id"),
                rs.getString("type"),
                rs.getString("event"),
                rs.getString("user_id"),
                rs.getString("anonymous_id"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getTimestamp("received_at").toInstant(),
                rs.getString("payload"));
    }

    private static String encode(Cursor cursor) {
        String raw = cursor.timestamp() + "|" + cursor.eventId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static Cursor decode(String encoded) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            return new Cursor(Instant.parse(raw.substring(0, bar)), UUID.fromString(raw.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw new HearthProblem(
                    IngestionProblem.INVALID_QUERY,
                    "The cursor is not one this API handed out",
                    List.of(new FieldError("cursor", "is not a valid cursor")));
        }
    }

    private record Cursor(Instant timestamp, UUID eventId) {}
}
