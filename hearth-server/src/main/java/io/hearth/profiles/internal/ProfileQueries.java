package io.hearth.profiles.internal;

import io.hearth.profiles.CustomerOrder;
import io.hearth.profiles.CustomerProfile;
import io.hearth.profiles.Identifier;
import io.hearth.profiles.ProfilesProblem;
import io.hearth.profiles.TimelineEntry;
import io.hearth.profiles.TimelinePage;
import io.hearth.shared.CustomerId;
import io.hearth.shared.FieldError;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.TenantId;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Read side of profiles; runs inside the caller's tenant transaction. */
@Component
class ProfileQueries {

    private final JdbcClient jdbc;
    private final ProfileStore store;
    private final ProfileReader reader;
    private final IdentityGraph graph;
    private final OrderStore orders;

    ProfileQueries(JdbcClient jdbc, ProfileStore store, ProfileReader reader, IdentityGraph graph, OrderStore orders) {
        this.jdbc = jdbc;
        this.store = store;
        this.reader = reader;
        this.graph = graph;
        this.orders = orders;
    }

    List<CustomerOrder> orders(CustomerId customer) {
        return orders.of(requireKnown(customer));
    }

    java.util.Map<CustomerId, List<CustomerOrder>> ordersOf(Collection<CustomerId> customers) {
        return orders.ofAll(customers);
    }

    Optional<CustomerProfile> profile(CustomerId customer) {
        return store.current(customer).flatMap(reader::read);
    }

    /** Live profiles only: merged rows are skipped instead of followed. */
    List<CustomerProfile> profiles(Collection<CustomerId> customers) {
        return reader.readAll(customers);
    }

    Optional<CustomerProfile> lookup(Identifier identifier) {
        CustomerId owner = graph.owners(List.of(identifier)).get(identifier);
        return owner == null ? Optional.empty() : profile(owner);
    }

    /** The live customer each identifier belongs to, in two queries however many; unknown ones absent. */
    Map<Identifier, CustomerId> customerIds(Collection<Identifier> identifiers) {
        Map<Identifier, CustomerId> owners = graph.owners(identifiers);
        Map<CustomerId, CustomerId> live = store.currentAll(owners.values());
        Map<Identifier, CustomerId> found = new HashMap<>();
        owners.forEach((identifier, owner) -> {
            CustomerId current = live.get(owner);
            if (current != null) {
                found.put(identifier, current);
            }
        });
        return found;
    }

    CustomerId requireKnown(CustomerId customer) {
        return store.current(customer)
                .orElseThrow(
                        () -> new HearthProblem(ProfilesProblem.UNKNOWN_CUSTOMER, "No such customer in this tenant"));
    }

    TimelinePage timeline(
            CustomerId customer, @Nullable String type, @Nullable String event, int limit, @Nullable String cursor) {
        CustomerId current = requireKnown(customer);
        Cursor after = cursor == null ? null : Cursor.decode(cursor);
        List<TimelineEntry> rows = new ArrayList<>(jdbc.sql("""
                select event_id, occurred_at, type, event, order_id, amount, currency, categories, channel
                from profiles_event
                where customer_id = :customer
                  and (:type::text is null or type = :type) and (:event::text is null or event = :event)
                  and (:cursorTime::timestamptz is null or (occurred_at, event_id) < (:cursorTime, :cursorId))
                order by occurred_at desc, event_id desc limit :limit
                """)
                .param("customer", current.value())
                .param("type", type)
                .param("event", event)
                .param("cursorTime", after == null ? null : Timestamp.from(after.timestamp()))
                .param("cursorId", after == null ? null : after.eventId())
                .param("limit", limit + 1)
                .query((rs, row) -> entry(rs))
                .list());
        if (rows.size() <= limit) {
            return new TimelinePage(rows, null);
        }
        List<TimelineEntry> page = rows.subList(0, limit);
        TimelineEntry last = page.get(limit - 1);
        return new TimelinePage(page, new Cursor(last.timestamp(), last.eventId()).encode());
    }

    java.util.Map<CustomerId, List<TimelineEntry>> eventsOf(Collection<CustomerId> customers, String event) {
        java.util.Map<CustomerId, List<TimelineEntry>> events = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                select customer_id, event_id, occurred_at, type, event, order_id, amount, currency, categories, channel
                from profiles_event
                where customer_id = any(:customers) and event = :event
                order by customer_id, occurred_at desc, event_id desc
                """)
                .param("customers", customers.stream().map(CustomerId::value).toArray(String[]::new))
                .param("event", event)
                .query(rs -> {
                    events.computeIfAbsent(CustomerId.of(rs.getString("customer_id")), id -> new ArrayList<>())
                            .add(entry(rs));
                });
        return events;
    }

    java.util.Map<CustomerId, List<TimelineEntry>> recentEventsOf(Collection<CustomerId> customers, int perCustomer) {
        java.util.Map<CustomerId, List<TimelineEntry>> events = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                select c.customer_id, e.event_id, e.occurred_at, e.type, e.event, e.order_id, e.amount, e.currency,
                    e.categories, e.channel
                from unnest(:customers) as c(customer_id)
                cross join lateral (
                    select event_id, occurred_at, type, event, order_id, amount, currency, categories, channel
                    from profiles_event
                    where customer_id = c.customer_id
                    order by occurred_at desc, event_id desc limit :limit) e
                order by c.customer_id, e.occurred_at desc, e.event_id desc
                """)
                .param("customers", customers.stream().map(CustomerId::value).toArray(String[]::new))
                .param("limit", perCustomer)
                .query(rs -> {
                    events.computeIfAbsent(CustomerId.of(rs.getString("customer_id")), id -> new ArrayList<>())
                            .add(entry(rs));
                });
        return events;
    }

    List<CustomerProfile> withTrait(String trait, String value, int limit) {
        return jdbc
                .sql("""
                select customer_id from profiles_customer
                where merged_into is null and traits ->> :trait = :value order by customer_id limit :limit
                """)
                .param("trait", trait)
                .param("value", value)
                .param("limit", limit)
                .query(String.class)
                .list()
                .stream()
                .map(CustomerId::of)
                .map(reader::read)
                .flatMap(Optional::stream)
                .toList();
    }

    Set<CustomerId> identityChangesSince(TenantId tenant, Instant since) {
        return graph.changedSince(tenant, since);
    }

    List<CustomerId> customerIds(int limit, @Nullable CustomerId after) {
        return store.activeCustomers(limit, Optional.ofNullable(after));
    }

    private static TimelineEntry entry(ResultSet rs) throws SQLException {
        Array categories = rs.getArray("categories");
        return new TimelineEntry(
                rs.getObject("event_id", UUID.class),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("type"),
                rs.getString("event"),
                rs.getString("order_id"),
                rs.getBigDecimal("amount") == null
                        ? null
                        : rs.getBigDecimal("amount").stripTrailingZeros(),
                rs.getString("currency"),
                categories == null ? List.of() : Arrays.asList((String[]) categories.getArray()),
                rs.getString("channel"));
    }

    private record Cursor(Instant timestamp, UUID eventId) {
        String encode() {
            String raw = timestamp + "|" + eventId;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String encoded) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
                int bar = raw.indexOf('|');
                return new Cursor(Instant.parse(raw.substring(0, bar)), UUID.fromString(raw.substring(bar + 1)));
            } catch (RuntimeException e) {
                throw new HearthProblem(
                        ProfilesProblem.INVALID_QUERY,
                        "The cursor is not one this API handed out",
                        List.of(new FieldError("cursor", "is not a valid cursor")));
            }
        }
    }
}
