package io.hearth.segments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.profiles.ComputedAttributes;
import io.hearth.profiles.ComputedAttributes.RfmScore;
import io.hearth.profiles.CustomerProfile;
import io.hearth.segments.internal.SegmentExpressions.Condition;
import io.hearth.shared.CustomerId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Measures one expression over 100k synthetic profiles in memory; prints the time, asserts no speed. */
class SegmentEvaluationSpeedTest {

    static final int PROFILES = 100_000;
    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    @Test
    void evaluatesOneExpressionOverHundredThousandProfiles() {
        List<CustomerProfile> profiles = synthetic(PROFILES, new SplittableRandom(7));
        Condition condition = new SegmentExpressions()
                .compile("customer.orders_count >= 3 && customer.days_since_last_order > 60"
                        + " && customer.traits.plan == 'gold'");

        long mapping = System.nanoTime();
        List<Map<String, Object>> customers =
                profiles.stream().map(CustomerVariables::of).toList();
        Duration mapped = Duration.ofNanos(System.nanoTime() - mapping);
        count(condition, customers); // warm-up
        long evaluating = System.nanoTime();
        long members = count(condition, customers);
        Duration evaluated = Duration.ofNanos(System.nanoTime() - evaluating);

        System.out.printf(
                "segment speed: %,d profiles mapped in %d ms, evaluated in %d ms (%.2f µs each), %,d members%n",
                PROFILES, mapped.toMillis(), evaluated.toMillis(), evaluated.toNanos() / 1000.0 / PROFILES, members);
        assertThat(members).isBetween(1L, (long) PROFILES);
    }

    static long count(Condition condition, List<Map<String, Object>> customers) {
        return customers.stream().filter(condition::matches).count();
    }

    static List<CustomerProfile> synthetic(int count, SplittableRandom random) {
        List<CustomerProfile> profiles = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long orders = random.nextInt(8);
            Instant last = orders == 0 ? null : NOW.minus(Duration.ofDays(random.nextInt(365)));
            BigDecimal revenue = BigDecimal.valueOf(orders * random.nextInt(20, 120));
            profiles.add(new CustomerProfile(
                    CustomerId.of("c-" + i),
                    List.of(),
                    Map.of("plan", random.nextBoolean() ? "gold" : "basic", "age", 18 + random.nextInt(60)),
                    new ComputedAttributes(
                            orders,
                            revenue,
                            "EUR",
                            orders == 0
                                    ? null
                                    : revenue.divide(BigDecimal.valueOf(orders), 2, java.math.RoundingMode.HALF_UP),
                            last,
                            last,
                            last == null ? null : Duration.between(last, NOW).toDays(),
                            0,
                            BigDecimal.ZERO,
                            List.of("Garden"),
                            Map.of("email", (long) random.nextInt(10)),
                            "email",
                            orders + random.nextInt(30),
                            NOW,
                            orders == 0 ? null : new RfmScore(3, 3, 3)),
                    NOW,
                    NOW));
        }
        return profiles;
    }
}
