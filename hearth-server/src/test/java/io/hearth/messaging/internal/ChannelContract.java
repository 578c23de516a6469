package io.hearth.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.messaging.Attribution;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.net.ServerSocket;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every channel adapter promises the dispatcher: a message the provider takes is accepted with
 * a reference, and a provider that cannot be reached is a transient refusal (so it is retried), never
 * an exception. Each adapter runs this suite against a real local server of its protocol.
 */
abstract class ChannelContract {

    /** The adapter talking to the test's provider. */
    abstract ChannelAdapter adapter();

    /** The adapter talking to a port nobody listens on. */
    abstract ChannelAdapter unreachableAdapter(int closedPort);

    /** The recipient address this channel uses. */
    abstract String recipient();

    /** How many messages the test's provider has received. */
    abstract int received();

    @Test
    void aMessageTheProviderTakesIsAcceptedWithAReferenceAndArrivesOnce() {
        DeliveryResult result = adapter().deliver(message());

        assertThat(result).isInstanceOf(DeliveryResult.Accepted.class);
        assertThat(((DeliveryResult.Accepted) result).providerId()).isNotBlank();
        assertThat(received()).isEqualTo(1);
    }

    @Test
    void anUnreachableProviderIsATransientRefusalNotAnException() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        assertThat(unreachableAdapter(closed).deliver(message())).isInstanceOf(DeliveryResult.Transient.class);
    }

    OutgoingMessage message() {
        return new OutgoingMessage(
                new TenantId(UUID.randomUUID()),
                new CustomerId("c-1"),
                UUID.randomUUID(),
                "order-shipped",
                new Attribution("post-purchase", "thank-you", "b"),
                recipient(),
                "Your order shipped",
                "<p>On its way</p>",
                "On its way",
                URI.create("http://localhost/v1/t/u/token"),
                URI.create("http://localhost/v1/t/s/token"));
    }
}
