package io.hearth.profiles.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the profiles module.
 *
 * @param defaultPhoneRegion ISO 3166 region used to read phone numbers written without a country code
 * @param returnWindow how long after delivery a customer may return an order
 */
@ConfigurationProperties("hearth.profiles")
record ProfileSettings(
        @DefaultValue("US") String defaultPhoneRegion,
        @DefaultValue("P30D") Duration returnWindow) {}
