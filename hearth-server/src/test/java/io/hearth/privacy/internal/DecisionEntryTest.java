package io.hearth.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.shared.TenantId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class DecisionEntryTest {

    private static final TenantId SHOP = TenantId.of("8d1c4a0e-0b7e-4a52-9d0e-3f1f2b9c7a11");
    private static final UUID DECISION = UUID.fromString("0f3c6a8e-5d2b-4c1a-9e7f-6b5a4d3c2b1a");
    private static final Instant AT = Instant.parse("2026-11-20T10:00:00.123456Z");

    @Test
    void equalInputsHashAlikeWhateverTheOrderOfTheirProperties() {
        JsonMapper json = JsonMapper.builder().build();
        String one =
                DecisionEntry.CANONICAL.writeValueAsString(json.readTree("{\"b\": 1, \"a\": {\"y\": 2, \"x\": 1}}"));
        String other =
                DecisionEntry.CANONICAL.writeValueAsString(json.readTree("{\"a\": {\"x\": 1, \"y\": 2}, \"b\": 1}"));

        assertThat(one).isEqualTo(other).isEqualTo("{\"a\":{\"x\":1,\"y\":2},\"b\":1}");
        assertThat(entry(one, "score:7").hashAfter(DecisionEntry.GENESIS))
                .isEqualTo(entry(other, "score:7").hashAfter(DecisionEntry.GENESIS));
    }

    @Test
    void theHashDependsOnTheContentAndOnThePredecessor() {
        DecisionEntry entry = entry("{}", "score:7");
        String hash = entry.hashAfter(DecisionEntry.GENESIS);

        assertThat(hash).hasSize(64).isEqualTo(entry.hashAfter(DecisionEntry.GENESIS));
        assertThat(entry("{}", "score:8").hashAfter(DecisionEntry.GENESIS)).isNotEqualTo(hash);
        assertThat(entry.hashAfter("f".repeat(64))).isNotEqualTo(hash);
    }

    @Test
    void fieldBoundariesCannotBeShiftedBetweenFields() {
        DecisionEntry split = new DecisionEntry(SHOP, 1, DECISION, "c", "t", "{}", "v", "ab", "c", AT, AT);
        DecisionEntry shifted = new DecisionEntry(SHOP, 1, DECISION, "c", "t", "{}", "v", "a", "bc", AT, AT);

        assertThat(split.hashAfter(DecisionEntry.GENESIS)).isNotEqualTo(shifted.hashAfter(DecisionEntry.GENESIS));
    }

    private static DecisionEntry entry(String inputs, String outcome) {
        return new DecisionEntry(
                SHOP, 1, DECISION, "cust-1", "prediction.served", inputs, "churn@1", outcome, "why", AT, AT);
    }
}
