package io.hearth.profiles.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ProfileSettingsTest {

    @Test
    void readsUsPhonesReviewsFromPointEightFiveAndNeverMergesAutomaticallyByDefault() {
        ProfileSettings settings = bind(Map.of());

        assertThat(settings).isEqualTo(new ProfileSettings("US", java.time.Duration.ofDays(30), 0.85, 1.0));
        assertThat(settings.mergesAutomatically(1.0)).isFalse();
    }

    @Test
    void everySettingMaps() {
        ProfileSettings settings = bind(Map.of(
                "hearth.profiles.default-phone-region", "GB",
                "hearth.profiles.return-window", "P14D",
                "hearth.profiles.review-threshold", "0.8",
                "hearth.profiles.auto-merge-threshold", "0.97"));

        assertThat(settings).isEqualTo(new ProfileSettings("GB", java.time.Duration.ofDays(14), 0.8, 0.97));
        assertThat(settings.mergesAutomatically(0.97)).isTrue();
        assertThat(settings.mergesAutomatically(0.9699)).isFalse();
    }

    @Test
    void anAutoMergeThresholdBelowTheReviewThresholdIsRefused() {
        assertThatThrownBy(() -> bind(Map.of(
                        "hearth.profiles.review-threshold", "0.9", "hearth.profiles.auto-merge-threshold", "0.8")))
                .isInstanceOf(BindException.class);
    }

    private static ProfileSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("hearth.profiles", ProfileSettings.class);
    }
}
