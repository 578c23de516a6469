package io.hearth.privacy;

import java.util.Locale;
import java.util.Optional;

/**
 * Where consent applies. {@link #ANY} is a purpose-level answer; a channel-specific answer wins over it
 * (see {@link CustomerConsents#mayUse}).
 */
public enum Channel {
    EMAIL,
    SMS,
    PUSH,
    /** The purpose as a whole, on every channel without an answer of its own. */
    ANY;

    /** The name used in the API and in the database, e.g. {@code email}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The channel with this name (case-insensitive), if there is one. */
    public static Optional<Channel> parse(String name) {
        for (Channel channel : values()) {
            if (channel.key().equalsIgnoreCase(name.trim())) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }
}
