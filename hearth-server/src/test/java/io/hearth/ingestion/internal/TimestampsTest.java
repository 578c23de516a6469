package io.hearth.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The formatter-free paths must agree with java.time on everything they accept. */
class TimestampsTest {

    private final Random random = new Random(42);

    @Test
    void formattingMatchesInstantToString() {
        for (int i = 0; i < 20_000; i++) {
            long second = random.nextLong(-2_000_000_000L, 8_000_000_000L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(second, nanos);
            assertThat(Timestamps.format(instant)).isEqualTo(instant.toString());
        }
    }

    @Test
    void theCommonShapeParsesAsOffsetDateTimeDoes() {
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(0, 7_000_000_000L), random.nextInt(1_000_000_000));
            String text = OffsetDateTime.ofInstant(
                            instant, java.time.ZoneOffset.ofHoursMinutes(random.nextInt(-12, 14), 0))
                    .toString();
            assertThat(Timestamps.parseCommon(text))
                    .as(text)
                    .isEqualTo(OffsetDateTime.parse(text).toInstant());
        }
    }

    @Test
    void whatTheCommonShapeRefusesIsLeftToTheFormatters() {
        List<String> refused = List.of(
                "2026-02-30T10:00:00Z",
                "2026-13-01T10:00:00Z",
                "2026-11-24T24:00:00Z",
                "2026-11-24T10:00Z",
                "2026-11-24T10:00:00",
                "2026-11-24T10:00:00.Z",
                "2026-11-24T10:00:00.1234567890Z",
                "2026-11-24T10:00:00+19:00",
                "2026-11-24T10:00:00+0100",
                "2026-11-24t10:00:00Z",
                "2026-11-24T10:00:00.\u0661Z");
        for (String text : refused) {
            assertThat(Timestamps.parseCommon(text)).as(text).isNull();
        }
        String leapDay = "2024-02-29T10:00:00.5+01:30";
        assertThat(Timestamps.parseCommon(leapDay))
                .isEqualTo(OffsetDateTime.parse(leapDay).toInstant());
    }

    @Test
    void utf8LengthCountsWhatEncodingWouldGive() {
        for (String text : List.of("", "plain", "café", "日本語", "emoji 🎉 ok", "mixed é日🎉a")) {
            assertThat(MessageNormalizer.utf8Length(text))
                    .as(text)
                    .isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
        }
    }
}
