package io.hearth.support.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.shared.TenantId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SmtpSessionTest {

    private static final TenantId SHOP = new TenantId(UUID.randomUUID());
    private static final TenantId OTHER = new TenantId(UUID.randomUUID());

    private final List<SmtpSession.Envelope> delivered = new ArrayList<>();
    private final SmtpSession session = new SmtpSession(
            "mx.test",
            1000,
            "192.0.2.1",
            address -> switch (address.toLowerCase()) {
                case "help@shop.test" -> Optional.of(SHOP);
                case "care@other.test" -> Optional.of(OTHER);
                default -> Optional.empty();
            },
            (envelope, data) -> {
                delivered.add(envelope);
                return "<id@test>";
            });

    private int code(String line) {
        return session.command(line).code();
    }

    @Test
    void parsesPathsAndParameters() {
        SmtpCommand mail = SmtpCommand.parse("mail from: <a@b.test> SIZE=120 body=8bitmime");
        assertThat(mail.verb()).isEqualTo("MAIL");
        assertThat(mail.path("FROM"))
                .contains(new SmtpCommand.Path("a@b.test", Map.of("SIZE", "120", "BODY", "8bitmime")));
        assertThat(SmtpCommand.parse("MAIL FROM:<>").path("FROM")).contains(new SmtpCommand.Path("", Map.of()));
        assertThat(SmtpCommand.parse("RCPT TO:<@relay.test:x@y.test>").path("TO"))
                .contains(new SmtpCommand.Path("x@y.test", Map.of()));
        assertThat(SmtpCommand.parse("MAIL FROM:a@b.test").path("FROM")).isEmpty();
        assertThat(SmtpCommand.parse("MAIL FROM:<a b@c>").path("FROM")).isEmpty();
        assertThat(SmtpCommand.parse("MAIL FROM:<nodomain>").path("FROM")).isEmpty();
        assertThat(SmtpCommand.parse("RCPT TO:<x@y>").path("FROM")).isEmpty();
        assertThat(SmtpCommand.size(
                        SmtpCommand.parse("MAIL FROM:<a@b> SIZE=x").path("FROM").orElseThrow()))
                .isEqualTo(-1L);
    }

    @Test
    void ehloAdvertisesTheExtensionsItHonours() {
        SmtpReply ehlo = session.command("EHLO client.test");
        assertThat(ehlo.code()).isEqualTo(250);
        assertThat(ehlo.lines())
                .containsExactly(
                        "mx.test greets client.test", "SIZE 1000", "8BITMIME", "PIPELINING", "ENHANCEDSTATUSCODES");
        assertThat(ehlo.wire())
                .startsWith("250-mx.test greets client.test\r\n")
                .endsWith("250 ENHANCEDSTATUSCODES\r\n");
        assertThat(code("EHLO")).isEqualTo(501);
        assertThat(session.greeting().wire()).startsWith("220 mx.test ");
    }

    @Test
    void commandsOutOfOrderAre503() {
        assertThat(code("MAIL FROM:<a@b.test>")).isEqualTo(503);
        assertThat(code("HELO client.test")).isEqualTo(250);
        assertThat(code("RCPT TO:<help@shop.test>")).isEqualTo(503);
        assertThat(code("DATA")).isEqualTo(503);
        assertThat(code("MAIL FROM:<a@b.test>")).isEqualTo(250);
        assertThat(code("MAIL FROM:<a@b.test>")).isEqualTo(503);
        assertThat(code("DATA")).isEqualTo(503);
        assertThat(code("RCPT TO:<nobody@shop.test>")).isEqualTo(550);
        assertThat(code("DATA")).isEqualTo(503);
        assertThat(code("RSET")).isEqualTo(250);
        assertThat(code("RCPT TO:<help@shop.test>")).isEqualTo(503);
    }

    @Test
    void aMessageGoesToTheTenantsOfItsRecipientsAndTheTransactionStartsAfresh() {
        code("EHLO client.test");
        assertThat(code("MAIL FROM:<anna@example.test> SIZE=500 BODY=8BITMIME")).isEqualTo(250);
        assertThat(session.command("RCPT TO:<Help@Shop.test>").lines()).containsExactly("2.1.5 Recipient OK");
        assertThat(code("RCPT TO:<care@other.test>")).isEqualTo(250);
        SmtpReply data = session.command("DATA");
        assertThat(data.code()).isEqualTo(354);
        assertThat(data.next()).isEqualTo(SmtpReply.Next.DATA);
        SmtpReply stored = session.message("Subject: hi\r\n\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(stored.code()).isEqualTo(250);
        assertThat(stored.lines().getFirst()).contains("<id@test>");
        assertThat(delivered).singleElement().satisfies(envelope -> {
            assertThat(envelope.from()).isEqualTo("anna@example.test");
            assertThat(envelope.recipients()).containsExactly("Help@Shop.test", "care@other.test");
            assertThat(envelope.tenants()).containsExactlyInAnyOrder(SHOP, OTHER);
            assertThat(envelope.helo()).isEqualTo("client.test");
        });
        assertThat(code("DATA")).isEqualTo(503);
        assertThat(code("MAIL FROM:<>")).isEqualTo(250);
    }

    @Test
    void sizeIsCheckedUpFrontAndAfterTheData() {
        code("EHLO client.test");
        assertThat(session.command("MAIL FROM:<a@b.test> SIZE=1001").lines())
                .containsExactly("5.3.4 Message size exceeds fixed maximum message size");
        assertThat(code("MAIL FROM:<a@b.test> SIZE=-1")).isEqualTo(501);
        assertThat(code("MAIL FROM:<a@b.test> SMTPUTF8")).isEqualTo(555);
        assertThat(code("MAIL FROM:<a@b.test> BODY=BINARYMIME")).isEqualTo(501);
        assertThat(code("MAIL FROM:<a@b.test> SIZE=1000")).isEqualTo(250);
        code("RCPT TO:<help@shop.test>");
        code("DATA");
        assertThat(session.messageTooLarge().code()).isEqualTo(552);
        assertThat(delivered).isEmpty();
        assertThat(code("RCPT TO:<help@shop.test>")).isEqualTo(503);
    }

    @Test
    void theRestOfTheCommandSet() {
        assertThat(code("NOOP")).isEqualTo(250);
        assertThat(code("VRFY anna")).isEqualTo(252);
        assertThat(code("EXPN staff")).isEqualTo(502);
        assertThat(code("STARTTLS")).isEqualTo(502);
        assertThat(code("FOO")).isEqualTo(500);
        assertThat(code("")).isEqualTo(500);
        assertThat(session.lineTooLong().code()).isEqualTo(500);
        assertThat(session.idle().next()).isEqualTo(SmtpReply.Next.CLOSE);
        SmtpReply quit = session.command("quit");
        assertThat(quit.code()).isEqualTo(221);
        assertThat(quit.next()).isEqualTo(SmtpReply.Next.CLOSE);
    }

    @Test
    void aSenderThatKeepsGettingItWrongIsDropped() {
        code("EHLO client.test");
        code("MAIL FROM:<a@b.test>");
        for (int i = 1; i < SmtpSession.MAX_ERRORS; i++) {
            assertThat(code(i % 2 == 0 ? "RCPT TO:<guess" + i + "@shop.test>" : "FOO"))
                    .isIn(500, 550);
        }
        assertThat(code("NOOP")).isEqualTo(250);
        SmtpReply last = session.command("RCPT TO:<guess@shop.test>");
        assertThat(last.code()).isEqualTo(421);
        assertThat(last.next()).isEqualTo(SmtpReply.Next.CLOSE);
    }

    @Test
    void aStorageFailureIsTemporarySoTheSenderRetries() {
        SmtpSession failing = new SmtpSession("mx.test", 1000, "192.0.2.1", address -> Optional.of(SHOP), (e, d) -> {
            throw new IllegalStateException("database down");
        });
        failing.command("HELO c");
        failing.command("MAIL FROM:<a@b.test>");
        failing.command("RCPT TO:<help@shop.test>");
        failing.command("DATA");
        assertThat(failing.message(new byte[0]).code()).isEqualTo(451);
        SmtpSession lookupFails = new SmtpSession(
                "mx.test",
                1000,
                "192.0.2.1",
                address -> {
                    throw new IllegalStateException("database down");
                },
                (e, d) -> "x");
        lookupFails.command("HELO c");
        lookupFails.command("MAIL FROM:<a@b.test>");
        assertThat(lookupFails.command("RCPT TO:<help@shop.test>").code()).isEqualTo(451);
    }

    @Test
    void aMailWithoutMessageIdIsNamedByItsBytes() {
        byte[] mail = "From: a@b.test\r\nSubject: hi\r\n\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII);
        String id = SmtpInbox.messageId(mail);
        assertThat(id).matches("<[0-9a-f]{40}@smtp\\.hearth\\.local>").isEqualTo(SmtpInbox.messageId(mail.clone()));
        assertThat(SmtpInbox.messageId("Message-ID:  <x@y.test> \r\n\r\nbody".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("<x@y.test>");
    }
}
