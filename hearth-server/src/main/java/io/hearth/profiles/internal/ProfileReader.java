package io.hearth.profiles.internal;

import io.hearth.profiles.ComputedAttributes;
import io.hearth.profiles.ComputedAttributes.RfmScore;
import io.hearth.profiles.CustomerProfile;
import io.hearth.profiles.Identifier;
import io.hearth.shared.CustomerId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Assembles profile documents: traits, identifiers and computed attributes with RFM scores. */
@Component
class ProfileReader {

    private static final int TOP_CATEGORIES = 5;

    private final JdbcClient jdbc;
    private final IdentityGraph graph;
    private final RfmQuintiles quintiles;
    private final JsonMapper json;
    private final Clock clock;

    ProfileReader(JdbcClient jdbc, IdentityGraph graph, RfmQuintiles quintiles, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.graph = graph;
        this.quintiles = quintiles;
        this.json = json;
        this.clock = clock;
    }

    private static final String SELECT = """
            select customer_id, traits::text as traits, orders_count, revenue, currency, first_order_at,
                   last_order_at, refunds_count, refunded, events_count, last_seen_at, categories::text as categories,
                   channels::text as channels, created_at, updated_at
            from profiles_customer
            """;

    Optional<CustomerProfile> read(CustomerId customer) {
        return jdbc.sql(SELECT + " where customer_id = :customer and merged_into is null")
                .param("customer", customer.value())
                .query((rs, row) -> profile(rs, graph::of))
                .optional();
    }

    /** Live profiles among these ids in two queries, whatever their number: for bulk work. */
    List<CustomerProfile> readAll(Collection<CustomerId> customers) {
        if (customers.isEmpty()) {
            return List.of();
        }
        Map<CustomerId, List<Identifier>> identifiers = graph.ofAll(customers);
        return jdbc.sql(SELECT + " where customer_id in (:customers) and merged_into is null order by customer_id")
                .param("customers", customers.stream().map(CustomerId::value).toList())
                .query((rs, row) -> profile(rs, id -> identifiers.getOrDefault(id, List.of())))
                .list();
    }

    private CustomerProfile profile(ResultSet rs, Function<CustomerId, List<Identifier>> identifiers)
            throws SQLException {
        CustomerId customer = CustomerId.of(rs.getString("customer_id"));
        Map<String, Object> traits =
                json.readValue(rs.getString("traits"), new TypeReference<Map<String, Object>>() {});
        return new CustomerProfile(
                customer,
                identifiers.apply(customer),
                traits,
                computed(rs),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private ComputedAttributes computed(ResultSet rs) throws SQLException {
        long orders = rs.getLong("orders_count");
        BigDecimal revenue = rs.getBigDecimal("revenue").stripTrailingZeros();
        Instant lastOrder = instant(rs.getTimestamp("last_order_at"));
        Map<String, Long> channels = counts(rs.getString("channels"));
        return new ComputedAttributes(
                orders,
                revenue,
                rs.getString("currency"),
                orders == 0 ? null : revenue.divide(BigDecimal.valueOf(orders), 2, RoundingMode.HALF_UP),
                instant(rs.getTimestamp("first_order_at")),
                lastOrder,
                lastOrder == null
                        ? null
                        : Duration.between(lastOrder, clock.instant()).toDays(),
                rs.getLong("refunds_count"),
                rs.getBigDecimal("refunded").stripTrailingZeros(),
                top(counts(rs.getString("categories")), TOP_CATEGORIES),
                channels,
                top(channels, 1).stream().findFirst().orElse(null),
                rs.getLong("events_count"),
                instant(rs.getTimestamp("last_seen_at")),
                orders == 0 ? null : rfm(lastOrder, orders, revenue));
    }

    private @Nullable RfmScore rfm(@Nullable Instant lastOrder, long orders, BigDecimal revenue) {
        RfmQuintiles.Boundaries boundaries = quintiles.current();
        return new RfmScore(
                RfmQuintiles.score(boundaries.recency(), lastOrder == null ? 0 : lastOrder.getEpochSecond()),
                RfmQuintiles.score(boundaries.frequency(), orders),
                RfmQuintiles.score(boundaries.monetary(), revenue.doubleValue()));
    }

    private Map<String, Long> counts(String jsonObject) {
        return json.readValue(jsonObject, new TypeReference<LinkedHashMap<String, Long>>() {});
    }

    private static List<String> top(Map<String, Long> counts, int limit) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
