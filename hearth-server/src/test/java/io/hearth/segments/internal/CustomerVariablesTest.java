package io.hearth.segments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.profiles.ComputedAttributes;
import io.hearth.profiles.ComputedAttributes.RfmScore;
import io.hearth.profiles.CustomerProfile;
import io.hearth.shared.CustomerId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomerVariablesTest {

    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    @Test
    void computedAttributesAreFlatSnakeCaseLongsAndDoubles() {
        Map<String, Object> customer = CustomerVariables.of(aBuyer());

        assertThat(customer.get("orders_count")).isEqualTo(3L);
        assertThat(customer.get("revenue")).isEqualTo(120.5d);
        assertThat(customer.get("average_order_value")).isEqualTo(40.17d);
        assertThat(customer.get("days_since_last_order")).isEqualTo(75L);
        assertThat(customer.get("refunds_count")).isEqualTo(1L);
        assertThat(customer.get("refunded_amount")).isEqualTo(15d);
        assertThat(customer.get("events_count")).isEqualTo(9L);
        assertThat(customer.get("rfm")).isEqualTo(Map.of("recency", 2L, "frequency", 4L, "monetary", 3L));
        assertThat(customer.get("engagement")).isEqualTo(Map.of("email", 4L));
        assertThat(customer.get("predictions")).isEqualTo(Map.of());
    }

    @Test
    void timestampsStayInstantsAndListsStayLists() {
        Map<String, Object> customer = CustomerVariables.of(aBuyer());

        assertThat(customer.get("first_order_at")).isEqualTo(Instant.parse("2026-01-10T00:00:00Z"));
        assertThat(customer.get("last_order_at")).isEqualTo(Instant.parse("2026-03-18T00:00:00Z"));
        assertThat(customer.get("top_categories")).isEqualTo(List.of("Garden", "Kitchen"));
    }

    @Test
    void whatAProfileLacksIsAnAbsentKey() {
        Map<String, Object> customer = CustomerVariables.of(aVisitor());

        assertThat(customer)
                .doesNotContainKeys(
                        "average_order_value",
                        "first_order_at",
                        "last_order_at",
                        "days_since_last_order",
                        "preferred_channel",
                        "rfm",
                        "currency");
        assertThat(customer.get("orders_count")).isEqualTo(0L);
        assertThat(customer.get("revenue")).isEqualTo(0d);
    }

    @Test
    void traitNumbersAreWidenedNullsDroppedAndNestingKept() {
        Map<String, Object> traits = new HashMap<>();
        traits.put("age", 41);
        traits.put("score", new BigDecimal("7.25"));
        traits.put("visits", BigInteger.valueOf(12));
        traits.put("plan", "gold");
        traits.put("vip", true);
        Map<String, Object> address = new HashMap<>();
        address.put("zip", 10115);
        address.put("city", "Berlin");
        address.put("street", null);
        traits.put("address", address);
        traits.put("tags", java.util.Arrays.asList("a", null, 3));

        Map<?, ?> converted = (Map<?, ?>) CustomerVariables.of(aVisitor(traits)).get("traits");

        assertThat(converted.get("age")).isEqualTo(41L);
        assertThat(converted.get("score")).isEqualTo(7.25d);
        assertThat(converted.get("visits")).isEqualTo(12L);
        assertThat(converted.get("plan")).isEqualTo("gold");
        assertThat(converted.get("vip")).isEqualTo(true);
        assertThat(converted.get("address")).isEqualTo(Map.of("zip", 10115L, "city", "Berlin"));
        assertThat(converted.get("tags")).isEqualTo(List.of("a", 3L));
    }

    static CustomerProfile aBuyer() {
        return new CustomerProfile(
                CustomerId.of("buyer"),
                List.of(),
                Map.of("plan", "gold", "age", 41),
                new ComputedAttributes(
                        3,
                        new BigDecimal("120.50"),
                        "EUR",
                        new BigDecimal("40.17"),
                        Instant.parse("2026-01-10T00:00:00Z"),
                        Instant.parse("2026-03-18T00:00:00Z"),
                        75L,
                        1,
                        new BigDecimal("15"),
                        List.of("Garden", "Kitchen"),
                        Map.of("email", 4L),
                        "email",
                        9,
                        Instant.parse("2026-03-20T00:00:00Z"),
                        new RfmScore(2, 4, 3)),
                NOW,
                NOW);
    }

    static CustomerProfile aVisitor() {
        return aVisitor(Map.of());
    }

    static CustomerProfile aVisitor(Map<String, Object> traits) {
        return new CustomerProfile(
                CustomerId.of("visitor"),
                List.of(),
                traits,
                new ComputedAttributes(
                        0,
                        BigDecimal.ZERO,
                        null,
                        null,
                        null,
                        null,
                        null,
                        0,
                        BigDecimal.ZERO,
                        List.of(),
                        Map.of(),
                        null,
                        1,
                        NOW,
                        null),
                NOW,
                NOW);
    }
}
