package io.hearth.messaging;

import io.hearth.privacy.Channel;
import java.util.Locale;
import java.util.Optional;

/** Where a message goes. Each has one adapter behind the channel port. */
public enum MessageChannel {
    EMAIL(Channel.EMAIL),
    SMS(Channel.SMS),
    PUSH(Channel.PUSH),
    /** A signed HTTP call to a URL the shop owns; consent is the purpose as a whole. */
    WEBHOOK(Channel.ANY),
    /** The customer's inbox in the shop's app or site; consent is the purpose as a whole. */
    IN_APP(Channel.ANY);

    private final Channel consentChannel;

    MessageChannel(Channel consentChannel) {
        this.consentChannel = consentChannel;
    }

    /** The channel consent is asked for. */
    public Channel consentChannel() {
        return consentChannel;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<MessageChannel> parse(String name) {
        for (MessageChannel channel : values()) {
            if (channel.key().equalsIgnoreCase(name.trim())) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }
}
