package io.hearth.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SchedulerSettingsTest {

    @Test
    void defaultsPollEverySecondOnFourThreads() {
        assertThat(bind(Map.of()))
                .isEqualTo(new SchedulerSettings(true, Duration.ofSeconds(1), 4, Duration.ofSeconds(10)));
    }

    @Test
    void everyPropertyMaps() {
        SchedulerSettings settings = bind(Map.of(
                "hearth.scheduler.enabled", "false",
                "hearth.scheduler.polling-interval", "250ms",
                "hearth.scheduler.threads", "8",
                "hearth.scheduler.shutdown-max-wait", "30s"));

        assertThat(settings).isEqualTo(new SchedulerSettings(false, Duration.ofMillis(250), 8, Duration.ofSeconds(30)));
    }

    @Test
    void refusesZeroThreads() {
        assertThatThrownBy(() -> bind(Map.of("hearth.scheduler.threads", "0")))
                .isInstanceOf(BindException.class)
                .hasRootCauseMessage("hearth.scheduler.threads must be at least 1");
    }

    private static SchedulerSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("hearth.scheduler", SchedulerSettings.class);
    }
}
