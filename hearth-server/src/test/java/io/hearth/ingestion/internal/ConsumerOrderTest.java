package io.hearth.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hearth.ingestion.IngestedEventsConsumer;
import io.hearth.ingestion.StoredEvent;
import io.hearth.shared.TenantId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsumerOrderTest {

    @Test
    void thoseAwaitedComeFirstThenThoseWaitingThenTheRest() {
        List<IngestedEventsConsumer> ordered = ConsumerOrder.of(List.of(
                consumer("catalog"), consumer("journeys", "profiles"), consumer("profiles"), consumer("alpha")));

        assertThat(ordered)
                .extracting(IngestedEventsConsumer::name)
                .containsExactly("profiles", "journeys", "alpha", "catalog");
    }

    @Test
    void aNamedConsumerThatIsAbsentIsNotWaitedFor() {
        assertThat(ConsumerOrder.of(List.of(consumer("journeys", "profiles"))))
                .extracting(IngestedEventsConsumer::name)
                .containsExactly("journeys");
    }

    @Test
    void consumersWaitingForEachOtherAreRefused() {
        assertThatThrownBy(() -> ConsumerOrder.of(List.of(consumer("a", "b"), consumer("b", "a"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wait for each other");
    }

    @Test
    void twoConsumersOfOneNameAreRefused() {
        assertThatThrownBy(() -> ConsumerOrder.of(List.of(consumer("a"), consumer("a"))))
                .isInstanceOf(IllegalStateException.class);
    }

    private static IngestedEventsConsumer consumer(String name, String... after) {
        return new IngestedEventsConsumer() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void consume(TenantId tenant, List<StoredEvent> events) {}

            @Override
            public Set<String> after() {
                return Set.of(after);
            }
        };
    }
}
