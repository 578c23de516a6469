package io.hearth.support.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearth.shared.TenantId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The receiver's socket handling: idle senders and senders over the connection limit. */
class SmtpReceiverTest {

    private final SmtpReceiver receiver = new SmtpReceiver(
            new SmtpSettings(
                    true,
                    0,
                    "127.0.0.1",
                    DataSize.ofKilobytes(64),
                    1,
                    Duration.ofSeconds(1),
                    "mx.test",
                    Duration.ofDays(7)),
            address -> Optional.of(new TenantId(UUID.randomUUID())),
            (envelope, data) -> "<x@test>");

    @AfterEach
    void stop() {
        receiver.stop();
    }

    private static BufferedReader reader(Socket socket) throws Exception {
        socket.setSoTimeout(5_000);
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
    }

    @Test
    void anIdleSenderIsToldAndDroppedAndAnotherOverTheLimitIsTurnedAway() throws Exception {
        receiver.start();
        assertThat(receiver.isRunning()).isTrue();
        try (Socket first = new Socket("127.0.0.1", receiver.port())) {
            BufferedReader in = reader(first);
            assertThat(in.readLine()).startsWith("220 mx.test");
            // the only slot is taken: the next sender hears 421 at once and may retry later
            try (Socket second = new Socket("127.0.0.1", receiver.port())) {
                BufferedReader busy = reader(second);
                assertThat(busy.readLine()).startsWith("421 4.3.2");
                assertThat(busy.readLine()).isNull();
            }
            assertThat(in.readLine()).startsWith("421 4.4.2");
            assertThat(in.readLine()).isNull();
        }
        // the slot is free again once the idle sender was dropped (released just after its socket closed)
        await().atMost(Duration.ofSeconds(5)).until(this::greeted);
    }

    private boolean greeted() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", receiver.port())) {
            BufferedReader in = reader(socket);
            if (!in.readLine().startsWith("220 ")) {
                return false;
            }
            socket.getOutputStream().write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            return in.readLine().startsWith("221 ");
        }
    }

    @Test
    void disabledItListensNowhere() {
        SmtpReceiver off = new SmtpReceiver(
                new SmtpSettings(
                        false,
                        0,
                        "127.0.0.1",
                        DataSize.ofKilobytes(64),
                        1,
                        Duration.ofSeconds(1),
                        "mx",
                        Duration.ofDays(7)),
                address -> Optional.empty(),
                (envelope, data) -> "");
        off.start();
        assertThat(off.isRunning()).isFalse();
        assertThat(off.port()).isEqualTo(-1);
    }
}
