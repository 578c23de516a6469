package io.hearth.profiles.internal;

import io.hearth.profiles.Identifier;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which profile each event belongs to, with the facts computed attributes are built from. */
@Repository
class ProfileEvents {

    private final JdbcClient jdbc;
    private final JdbcTemplate plain;

    ProfileEvents(JdbcClient jdbc, JdbcTemplate plain) {
        this.jdbc = jdbc;
        this.plain = plain;
    }

    /**
     * Joined with the wanted ids and the tenant named, so each id is one primary-key lookup: asked as
     * {@code event_id = any(…)}, a table not analyzed yet can be walked through another index. The
     * {@code limit 1} (an event id is unique per tenant) keeps the lateral subquery from being
     * flattened into a plain join: once the table was analyzed, that join was planned as a hash over
     * every event of the tenant, 49 ms for 700 ids among 112,000 events against 2.5 ms by key, and
     * growing with the shop. Planned at every execution ({@link PlannedEachTime}): a plan cached while
     * the table was empty walked the timeline index instead, once per id.
     */
    Set<UUID> alreadyLinked(TenantId tenant, Collection<UUID> eventIds) {
        return new HashSet<>(PlannedEachTime.query(
                plain,
                """
                select e.event_id from unnest(?::uuid[]) as wanted(event_id)
                cross join lateral (
                    select found.event_id from profiles_event found
                    where found.tenant_id = ? and found.event_id = wanted.event_id
                    limit 1
                ) e
                """,
                List.of(eventIds.toArray(UUID[]::new), tenant.value()),
                (rs, row) -> rs.getObject(1, UUID.class)));
    }

    /**
     * Stores the links; with {@code skipLinked} an event linked already is left as it is, otherwise it
     * fails the statement on the primary key.
     */
    void link(TenantId tenant, List<Link> links, boolean skipLinked) {
        if (links.isEmpty()) {
            return;
        }
        int size = links.size();
        UUID[] eventIds = new UUID[size];
        List<String[]> columns = new ArrayList<>();
        for (int c = 0; c < 9; c++) {
            columns.add(new String[size]);
        }
        for (int i = 0; i < size; i++) {
            Link link = links.get(i);
            EventFacts facts = link.facts();
            eventIds[i] = facts.eventId();
            columns.get(0)[i] = link.customer().value();
            columns.get(1)[i] = arrayLiteral(facts.identifiers(), Identifier::key);
            columns.get(2)[i] = facts.occurredAt().toString();
            columns.get(3)[i] = facts.type();
            columns.get(4)[i] = facts.event();
            columns.get(5)[i] = facts.orderId();
            columns.get(6)[i] = facts.amount() == null ? null : facts.amount().toPlainString();
            columns.get(7)[i] = facts.currency();
            columns.get(8)[i] = arrayLiteral(facts.categories(), Function.identity());
        }
        String[] channels = links.stream().map(link -> link.facts().channel()).toArray(String[]::new);
        jdbc.sql("""
                insert into profiles_event (tenant_id, event_id, customer_id, identity_keys, occurred_at, type, event,
                                            order_id, amount, currency, categories, channel)
                select :tenant, e, c, k::text[], o::timestamptz, t, n, oid, a::numeric, cur, cat::text[], ch
                from unnest(:events::uuid[], :customers::text[], :keys::text[], :occurred::text[], :types::text[],
                            :names::text[], :orders::text[], :amounts::text[], :currencies::text[], :categories::text[],
                            :channels::text[])
                     as x(e, c, k, o, t, n, oid, a, cur, cat, ch)
                """ + (skipLinked ? "on conflict do nothing" : ""))
                .param("tenant", tenant.value())
                .param("events", eventIds)
                .param("customers", columns.get(0))
                .param("keys", columns.get(1))
                .param("occurred", columns.get(2))
                .param("types", columns.get(3))
                .param("names", columns.get(4))
                .param("orders", columns.get(5))
                .param("amounts", columns.get(6))
                .param("currencies", columns.get(7))
                .param("categories", columns.get(8))
                .param("channels", channels)
                .update();
    }

    void move(CustomerId from, CustomerId to) {
        jdbc.sql("update profiles_event set customer_id = :to where customer_id = :from")
                .param("to", to.value())
                .param("from", from.value())
                .update();
    }

    /**
     * Gives back to a restored profile the events it was the only owner of: those that named one of
     * its identifiers and none that stayed with the survivor.
     */
    void moveEventsOf(Collection<Identifier> restored, Collection<Identifier> kept, CustomerId from, CustomerId to) {
        jdbc.sql("""
                update profiles_event set customer_id = :to
                where customer_id = :from and identity_keys && :restored::text[] and not identity_keys && :kept::text[]
                """)
                .param("to", to.value())
                .param("from", from.value())
                .param("restored", restored.stream().map(Identifier::key).toArray(String[]::new))
                .param("kept", kept.stream().map(Identifier::key).toArray(String[]::new))
                .update();
    }

    /**
     * A PostgreSQL array literal of quoted elements, written in one buffer: a batch writes two per
     * event, and the stream-and-join it replaced showed in the resolution pass's profile.
     */
    private static <T> String arrayLiteral(Collection<T> values, Function<T, String> text) {
        StringBuilder literal = new StringBuilder(2 + 24 * values.size()).append('{');
        for (T value : values) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            String element = text.apply(value);
            literal.append('"');
            for (int c = 0; c < element.length(); c++) {
                char ch = element.charAt(c);
                if (ch == '"' || ch == '\\') {
                    literal.append('\\');
                }
                literal.append(ch);
            }
            literal.append('"');
        }
        return literal.append('}').toString();
    }

    /** An event and the profile it belongs to. */
    record Link(EventFacts facts, CustomerId customer) {}
}
