package io.hearth.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.catalog.ProductUpdate;
import io.hearth.shared.TenantId;
import io.hearth.testing.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A product named again with the same fields is skipped only while this node's write is fresh and its own. */
class LearnedProductsTest {

    private static final TenantId SHOP = new TenantId(UUID.randomUUID());
    private static final TenantId OTHER_SHOP = new TenantId(UUID.randomUUID());

    private final MutableClock clock = new MutableClock();
    private final LearnedProducts learned = new LearnedProducts(2, Duration.ofMinutes(5), clock);

    @Test
    void theSameUpdateIsSkippedUntilItExpiresButAChangedOneIsNot() {
        learned.remember(SHOP, mug("24.90"));

        assertThat(learned.alreadyStored(SHOP, mug("24.90"))).isTrue();
        assertThat(learned.alreadyStored(SHOP, mug("19.90"))).as("a new price").isFalse();
        assertThat(learned.alreadyStored(OTHER_SHOP, mug("24.90")))
                .as("another tenant")
                .isFalse();
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(learned.alreadyStored(SHOP, mug("24.90"))).as("expired").isFalse();
    }

    @Test
    void anotherWriteOfTheProductForgetsItAndTheLeastRecentlyUsedGoFirst() {
        learned.remember(SHOP, mug("24.90"));
        learned.forget(SHOP, "mug");
        assertThat(learned.alreadyStored(SHOP, mug("24.90"))).isFalse();

        learned.remember(SHOP, mug("24.90"));
        learned.remember(SHOP, ProductUpdate.of("cup"));
        learned.alreadyStored(SHOP, mug("24.90"));
        learned.remember(SHOP, ProductUpdate.of("plate"));
        assertThat(learned.alreadyStored(SHOP, mug("24.90"))).isTrue();
        assertThat(learned.alreadyStored(SHOP, ProductUpdate.of("cup")))
                .as("evicted")
                .isFalse();
    }

    private static ProductUpdate mug(String price) {
        return new ProductUpdate(
                "mug", "Mug", "Kitchen", null, new BigDecimal(price), "EUR", null, null, null, null, null);
    }
}
