package io.hearth.profiles.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the profiles module.
 *
 * @param defaultPhoneRegion ISO 3166 region used to read phone numbers written without a country code
 */
@ConfigurationProperties("hearth.profiles")
record ProfileSettings(@DefaultValue("US") String defaultPhoneRegion) {}
