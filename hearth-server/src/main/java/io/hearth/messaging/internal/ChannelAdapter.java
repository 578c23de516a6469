package io.hearth.messaging.internal;

import io.hearth.messaging.MessageChannel;

/**
 * The channel port: hands one rendered message to a provider. Implementations never retry by
 * themselves; they classify what happened so the dispatcher can decide, and they must not throw.
 */
interface ChannelAdapter {

    MessageChannel channel();

    DeliveryResult deliver(OutgoingMessage message);
}
