package io.hearth.profiles.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the profiles module.
 *
 * @param defaultPhoneRegion ISO 3166 region used to read phone numbers written without a country code
 * @param returnWindow how long after delivery a customer may return an order
 * @param reviewThreshold probabilistic match score (0–1) from which a pair of profiles goes to the
 *     review queue
 * @param autoMergeThreshold score from which a pair is merged without review; 1.0, the default, never
 *     merges automatically
 */
@ConfigurationProperties("hearth.profiles")
record ProfileSettings(
        @DefaultValue("US") String defaultPhoneRegion,
        @DefaultValue("P30D") Duration returnWindow,
        @DefaultValue("0.85") double reviewThreshold,
        @DefaultValue("1.0") double autoMergeThreshold) {

    ProfileSettings {
        if (reviewThreshold <= 0 || reviewThreshold > 1) {
            throw new IllegalArgumentException("hearth.profiles.review-threshold must be in (0, 1]");
        }
        if (autoMergeThreshold < reviewThreshold || autoMergeThreshold > 1) {
            throw new IllegalArgumentException(
                    "hearth.profiles.auto-merge-threshold must be between the review threshold and 1");
        }
    }

    /** Whether a pair with this score is merged without review. */
    boolean mergesAutomatically(double score) {
        return autoMergeThreshold < 1 && score >= autoMergeThreshold;
    }
}
