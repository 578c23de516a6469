package io.hearth.loyalty.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.shared.TenantId;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProgramCacheTest {

    final TenantId shop = new TenantId(UUID.randomUUID());
    final TenantId other = new TenantId(UUID.randomUUID());
    final AtomicInteger loads = new AtomicInteger();

    @Test
    void aDefinitionIsLoadedOncePerTenantUntilItChanges() {
        ProgramCache<String> cache = new ProgramCache<>(Duration.ofMinutes(1));

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
        ProgramCache<String> cache = new ProgramCache<>(Duration.ofMinutes(1));

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
        ProgramCache<String> cache = new ProgramCache<>(Duration.ZERO);

        cache.get(shop, () -> "v" + loads.incrementAndGet());
        cache.get(shop, () -> "v" + loads.incrementAndGet());

        assertThat(loads).hasValue(2);
    }
}
