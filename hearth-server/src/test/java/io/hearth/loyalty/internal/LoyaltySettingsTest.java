package io.hearth.loyalty.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class LoyaltySettingsTest {

    @Test
    void pointsLastAYearWithATwoWeekReminderAndTiersCountAYearWithAMonthOfGrace() {
        assertThat(bind(Map.of()))
                .isEqualTo(new LoyaltySettings(
                        Duration.ofDays(365),
                        Duration.ofDays(14),
                        Duration.ofMinutes(1),
                        Duration.ofHours(1),
                        Duration.ofDays(365),
                        Duration.ofDays(30),
                        Duration.ofDays(365),
                        Duration.ofSeconds(10)));
    }

    @Test
    void everySettingMaps() {
        assertThat(bind(Map.of(
                        "hearth.loyalty.points-lifetime", "P180D",
                        "hearth.loyalty.expiry-reminder", "P7D",
                        "hearth.loyalty.maintenance-interval", "PT5M",
                        "hearth.loyalty.reconciliation-interval", "PT6H",
                        "hearth.loyalty.tier-window", "P90D",
                        "hearth.loyalty.tier-grace", "P14D",
                        "hearth.loyalty.earn-history", "P7D",
                        "hearth.loyalty.program-cache-ttl", "PT1M")))
                .isEqualTo(new LoyaltySettings(
                        Duration.ofDays(180),
                        Duration.ofDays(7),
                        Duration.ofMinutes(5),
                        Duration.ofHours(6),
                        Duration.ofDays(90),
                        Duration.ofDays(14),
                        Duration.ofDays(7),
                        Duration.ofMinutes(1)));
    }

    @Test
    void aReminderAsLongAsTheLifetimeIsRefused() {
        assertThatThrownBy(() -> bind(
                        Map.of("hearth.loyalty.points-lifetime", "P10D", "hearth.loyalty.expiry-reminder", "P10D")))
                .isInstanceOf(BindException.class);
    }

    private static LoyaltySettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("hearth.loyalty", LoyaltySettings.class);
    }
}
