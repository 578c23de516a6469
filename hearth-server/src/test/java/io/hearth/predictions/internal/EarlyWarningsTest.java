package io.hearth.predictions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hearth.predictions.Prediction;
import io.hearth.shared.CustomerId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * A customer whose failed deliveries sit right at the threshold: each day one event moves from the
 * 14-day recent window into the 90-day baseline or drops out of it, so the Poisson probability goes
 * 0.034, 0.056, 0.034. Without hysteresis the warning would go on, off and on again.
 */
class EarlyWarningsTest {

    private static final CustomerId CUSTOMER = CustomerId.of("borderline");
    private static final Instant FIRST = Instant.parse("2026-06-01T00:00:00Z");
    private static final String FAILED = "Delivery Failed";

    private final EarlyWarningSettings settings = defaults();
    private final EarlyWarnings warnings = new EarlyWarnings(settings);

    @Test
    void aBorderlineCustomerKeepsTheirWarningOverConsecutiveScorings() {
        List<Boolean> states = new ArrayList<>();
        List<Double> probabilities = new ArrayList<>();
        boolean warned = false;
        for (int day = 0; day < 3; day++) {
            Optional<Prediction> warning = warnings.warn(scoredOn(day), warned);
            warned = warning.isPresent();
            states.add(warned);
            probabilities.add(warning.map(Prediction::value).orElse(Double.NaN));
        }

        assertThat(states).containsExactly(true, true, true);
        // The middle scoring is above the raising threshold: only the hysteresis holds the warning.
        assertThat(probabilities.get(0)).isLessThan(settings.threshold());
        assertThat(probabilities.get(1)).isBetween(settings.threshold(), settings.clearAbove());
        assertThat(probabilities.get(2)).isLessThan(settings.threshold());
    }

    @Test
    void theSameBorderlineStateDoesNotRaiseAWarningThatWasNotThere() {
        assertThat(warnings.warn(scoredOn(1), false)).isEmpty();
    }

    @Test
    void aHeldWarningClearsOnceTheBurstIsOver() {
        assertThat(warnings.warn(scoredOn(0), false)).isPresent();
        // Ten days on, two of the recent failures have aged into the baseline: fewer than three left.
        assertThat(warnings.warn(scoredOn(10), true)).isEmpty();
    }

    @Test
    void clearingBelowTheRaisingThresholdIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("hearth.predictions.early-warning.clear-above", "0.01")))
                .hasRootCauseMessage("hearth.predictions.early-warning.clear-above must be in [threshold, 1)");
    }

    /**
     * Day 0: 3 recent failures against 4 in the baseline; day 1: one has moved into the baseline (5)
     * and a new one arrived; day 2: the oldest baseline failure has left the 104-day horizon (4).
     */
    private static CustomerFeatures scoredOn(int day) {
        List<Instant> failures = List.of(-102.5, -50.0, -40.0, -30.0, -13.5, -5.0, -4.0, 0.5).stream()
                .map(days -> FIRST.plus(Duration.ofMinutes(Math.round(days * 1440))))
                .toList();
        return new CustomerFeatures(
                CUSTOMER,
                FIRST.plus(Duration.ofDays(day)),
                new PurchaseHistory(CUSTOMER, List.of()),
                new int[CustomerFeatures.HOURS_OF_WEEK],
                null,
                null,
                Map.of(FAILED, failures),
                List.of());
    }

    private static EarlyWarningSettings defaults() {
        return bind(Map.of());
    }

    private static EarlyWarningSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("hearth.predictions.early-warning", EarlyWarningSettings.class);
    }
}
