package io.hearth.recommendations.internal;

import java.util.Locale;
import java.util.Optional;

/** The kind of device a signal came from or a request is for. */
enum Device {
    DESKTOP,
    MOBILE,
    APP;

    static Optional<Device> parse(String value) {
        for (Device device : values()) {
            if (device.name().equalsIgnoreCase(value.trim())) {
                return Optional.of(device);
            }
        }
        return Optional.empty();
    }

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
