package io.hearth.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Email over real SMTP (GreenMail), under the channel contract. */
class EmailAdapterTest extends ChannelContract {

    GreenMail relay;
    int port;

    @BeforeEach
    void startRelay() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        relay = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        relay.start();
    }

    @AfterEach
    void stopRelay() {
        relay.stop();
    }

    @Override
    ChannelAdapter adapter() {
        return at(port);
    }

    @Override
    ChannelAdapter unreachableAdapter(int closedPort) {
        return at(closedPort);
    }

    @Override
    String recipient() {
        return "ola@example.com";
    }

    @Override
    int received() {
        return relay.getReceivedMessages().length;
    }

    @Test
    void theMailCarriesOneClickUnsubscribeHeaders() throws Exception {
        adapter().deliver(message());

        var mail = relay.getReceivedMessages()[0];
        assertThat(mail.getHeader("List-Unsubscribe")[0]).isEqualTo("<http://localhost/v1/t/u/token>");
        assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(mail.getSubject()).isEqualTo("Your order shipped");
    }

    private static EmailAdapter at(int port) {
        return new EmailAdapter(new MessagingSettings(
                java.net.URI.create("http://localhost"),
                "127.0.0.1",
                port,
                Duration.ofSeconds(2),
                "shop@example.com",
                5,
                Duration.ofMinutes(1),
                Duration.ofSeconds(10),
                new MessagingSettings.Channels("", "", "", "", "", "", "", Duration.ofSeconds(1))));
    }
}
