package io.hearth.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TenantCacheTest {

    final TenantId shop = new TenantId(UUID.randomUUID());
    final TenantId other = new TenantId(UUID.randomUUID());
    final AtomicInteger loads = new AtomicInteger();

    @Test
    void aDefinitionIsLoadedOncePerTenantUntilItChanges() {
        TenantCache<String> cache = new TenantCache<>(Duration.ofMinutes(1));

        String first = cache.get(shop, () -> "v" + loads.incrementAndGet());
        String again = cache.get(shop, () -> "v" + loads.incrementAndGet());
        String ofOther = cache.get(other, () -> "w" + loads.incrementAndGet());
        cache.changed(shop);
        String afterChange = cache.get(shop, () -> "v" + loads.incrementAndGet());

        assertThat(first).isEqualTo("v1");
        assertThat(again).isEqualTo("v1");
        assertThat(ofOther).isEqualTo("w2");
        assertThat(afterChange).isEqualTo("v3");
    }

    @Test
    void aLoadThatRacedWithAChangeIsAnsweredButNotKept() {
        TenantCache<String> cache = new TenantCache<>(Duration.ofMinutes(1));

        // The change lands while the load reads the old definition from the database.
        String stale = cache.get(shop, () -> {
            cache.changed(shop);
            return "old";
        });
        String next = cache.get(shop, () -> "new");

        assertThat(stale).isEqualTo("old");
        assertThat(next).isEqualTo("new");
    }

    @Test
    void aZeroTtlReadsEveryTime() {
        TenantCache<String> cache = new TenantCache<>(Duration.ZERO);

        cache.get(shop, () -> "v" + loads.incrementAndGet());
        cache.get(shop, () -> "v" + loads.incrementAndGet());

        assertThat(loads).hasValue(2);
    }
}
