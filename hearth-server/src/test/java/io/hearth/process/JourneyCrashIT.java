package io.hearth.process;

import static io.hearth.testing.Api.basic;
import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.hearth.testing.Api;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * At most one message per (run, step), whatever happens: a real server process runs a two-message
 * journey for many customers into a GreenMail inbox, is killed with SIGKILL mid-way, restarted on the
 * same data, and finishes every run; no customer ever gets a step's message twice. A message that was
 * being handed to SMTP at the kill stays "sending" and is never retried: that loss is the price of never
 * sending twice, and the test checks every missing message is one of those.
 */
class JourneyCrashIT {

    private static final int CUSTOMERS = 60;

    @Test
    void aKilledServerResumesEveryRunAndSendsNoStepTwice() throws Exception {
        int smtpPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            smtpPort = socket.getLocalPort();
        }
        GreenMail inbox = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        inbox.start();
        Path dataDir = Files.createTempDirectory("hearth-journey-crash");
        Map<String, String> environment = Map.of(
                "HEARTH_MESSAGING_SMTP_PORT", Integer.toString(smtpPort),
                "HEARTH_JOURNEYS_TIMER_CHECK", "PT0.2S",
                "HEARTH_JOURNEYS_GLOBAL_HOLDOUT_PERCENT", "0",
                "HEARTH_JOURNEYS_QUIET_START", "00:00",
                "HEARTH_JOURNEYS_QUIET_END", "00:00");
        try {
            ServerProcess server = ServerProcess.start(dataDir, environment);
            Api api = new Api(server.port());
            define(api, server.port());
            for (int i = 0; i < CUSTOMERS; i++) {
                identify(api, i);
            }
            // Consent first: the journey must see it, or its sends are (rightly) suppressed.
            waitUntil(() -> consented(api) == CUSTOMERS, 60);
            for (int i = 0; i < CUSTOMERS; i++) {
                signUp(api, i);
            }
            waitUntil(() -> inbox.getReceivedMessages().length >= CUSTOMERS / 2, 60);
            server.kill();
            int beforeKill = inbox.getReceivedMessages().length;

            try (ServerProcess restarted = ServerProcess.start(dataDir, environment)) {
                waitUntil(() -> inbox.getReceivedMessages().length >= 2 * CUSTOMERS - 2, 90);
                Thread.sleep(3_000); // a duplicate would arrive now, if there were one
                Map<String, Long> copies = Arrays.stream(inbox.getReceivedMessages())
                        .collect(Collectors.groupingBy(JourneyCrashIT::recipientAndSubject, Collectors.counting()));

                Api after = new Api(restarted.port());
                int lostInFlight = 0;
                for (int i = 0; i < CUSTOMERS; i++) {
                    for (String subject : List.of("Welcome", "Second")) {
                        if (!copies.containsKey("[crash-" + i + "@example.com] " + subject)) {
                            assertThat(status(after, i, subject))
                                    .as("crash-%d %s", i, subject)
                                    .isEqualTo("SENDING");
                            lostInFlight++;
                        }
                    }
                }

                System.out.printf(
                        "messages before kill -9: %d; after restart: %d of %d, none twice; lost in flight at the kill: %d%n",
                        beforeKill, inbox.getReceivedMessages().length, 2 * CUSTOMERS, lostInFlight);
                assertThat(copies.values()).allMatch(count -> count == 1);
                assertThat(lostInFlight).isLessThanOrEqualTo(10);
            }
        } finally {
            inbox.stop();
        }
    }

    private static void define(Api api, int port) {
        String admin = bearer(ServerProcess.ADMIN_KEY);
        assertThat(api.put(
                                "/v1/templates/welcome",
                                admin,
                                "{\"locales\":{\"en\":{\"subject\":\"Welcome\",\"text\":\"Hello {{ customer.email }}\"}}}")
                        .status())
                .isEqualTo(200);
        assertThat(api.put(
                                "/v1/templates/second",
                                admin,
                                "{\"locales\":{\"en\":{\"subject\":\"Second\",\"text\":\"Again\"}}}")
                        .status())
                .isEqualTo(200);
        String journey = """
                trigger: {type: event, event: Signed Up}
                steps:
                  - {id: welcome, type: send, template: welcome}
                  - {id: pause, type: wait, duration: PT4S}
                  - {id: second, type: send, template: second}
                """;
        assertThat(api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/journeys/welcome"))
                                .header("Authorization", admin)
                                .header("Content-Type", "application/yaml")
                                .PUT(HttpRequest.BodyPublishers.ofString(journey)))
                        .status())
                .isEqualTo(200);
    }

    private static void identify(Api api, int i) {
        String user = "crash-" + i;
        api.post(
                "/v1/identify",
                basic(ServerProcess.WRITE_KEY),
                "{\"userId\":\"" + user + "\",\"messageId\":\"id-" + i + "\",\"traits\":{\"email\":\"" + user
                        + "@example.com\",\"email_opt_in\":true}}");
    }

    private static int consented(Api api) {
        int consented = 0;
        for (int i = 0; i < CUSTOMERS; i++) {
            var lookup = api.get("/v1/customers/lookup?userId=crash-" + i, bearer(ServerProcess.ADMIN_KEY));
            if (lookup.status() != 200) {
                continue;
            }
            String customer = lookup.json().get("customerId").asString();
            var consents = api.get("/v1/customers/" + customer + "/consents", bearer(ServerProcess.ADMIN_KEY))
                    .json();
            if (consents.get("allowed").get("marketing").get("email").asBoolean()) {
                consented++;
            }
        }
        return consented;
    }

    private static void signUp(Api api, int i) {
        api.post(
                "/v1/track",
                basic(ServerProcess.WRITE_KEY),
                "{\"userId\":\"crash-" + i + "\",\"messageId\":\"su-" + i + "\",\"event\":\"Signed Up\"}");
    }

    /** The message log's status of the customer's message with this subject's template. */
    private static String status(Api api, int i, String subject) {
        String customer = api.get("/v1/customers/lookup?userId=crash-" + i, bearer(ServerProcess.ADMIN_KEY))
                .json()
                .get("customerId")
                .asString();
        String template = subject.equals("Welcome") ? "welcome" : "second";
        for (var message : api.get("/v1/customers/" + customer + "/messages", bearer(ServerProcess.ADMIN_KEY))
                .json()
                .get("data")
                .values()) {
            if (message.get("templateKey").asString().equals(template)) {
                return message.get("status").asString();
            }
        }
        return "none";
    }

    private static String recipientAndSubject(MimeMessage message) {
        try {
            return Arrays.toString(message.getAllRecipients()) + " " + message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, int seconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }
}
