package io.hearth.tenancy.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo tenant created at start-up. Keys are generated and printed on each start unless fixed with
 * {@code HEARTH_DEMO_WRITE_KEY} and {@code HEARTH_DEMO_ADMIN_KEY}.
 */
@ConfigurationProperties("hearth.demo")
record DemoSettings(
        @DefaultValue("true") boolean enabled,
        @Nullable String writeKey,
        @Nullable String adminKey) {}
