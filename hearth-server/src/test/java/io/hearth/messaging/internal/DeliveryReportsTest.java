package io.hearth.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Bounce and complaint emails as mail systems write them (RFC 3464 and RFC 5965). */
class DeliveryReportsTest {

    static final UUID MESSAGE = UUID.fromString("0b4a9c1e-5d2f-4e8a-9b7c-3f1d2e6a8c90");

    /** A delivery status notification in the shape Postfix writes, returning the original headers. */
    static String dsn(UUID message, String action, String status) {
        return """
                From: MAILER-DAEMON@mx.example.net (Mail Delivery System)
                To: shop@localhost
                Subject: Undelivered Mail Returned to Sender
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="B0UND"

                --B0UND
                Content-Type: text/plain; charset=us-ascii

                I'm sorry to have to inform you that your message could not be delivered.
                Action: failed is not a field in this part.

                --B0UND
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.net
                Arrival-Date: Tue,  1 Dec 2026 10:00:00 +0000

                Final-Recipient: rfc822; nobody@example.org
                Original-Recipient: rfc822;nobody@example.org
                Action: %s
                Status: %s
                Diagnostic-Code: smtp; 550 5.1.1 <nobody@example.org>: Recipient address rejected

                --B0UND
                Content-Type: text/rfc822-headers

                From: shop@localhost
                To: nobody@example.org
                Subject: Thanks!
                X-Hearth-Message-Id: %s

                --B0UND--
                """.formatted(action, status, message).replace("\n", "\r\n");
    }

    /** An abuse report in the Abuse Reporting Format, as mailbox providers' feedback loops send it. */
    static String arf(UUID message, String feedbackType) {
        return """
                From: feedback@fbl.example.com
                To: shop@localhost
                Subject: FW: Thanks!
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=feedback-report; boundary="F00"

                --F00
                Content-Type: text/plain; charset=us-ascii

                This is an email abuse report.

                --F00
                Content-Type: message/feedback-report

                Feedback-Type: %s
                User-Agent: ExampleFBL/1.0
                Version: 1

                --F00
                Content-Type: message/rfc822

                From: shop@localhost
                To: someone@example.com
                Subject: Thanks!
                X-Hearth-Message-Id: %s

                Your order is on its way.
                --F00--
                """.formatted(feedbackType, message).replace("\n", "\r\n");
    }

    @Test
    void aPermanentFailureIsAHardBounceOfTheMessageNamedInTheReturnedHeaders() {
        assertThat(parse(dsn(MESSAGE, "failed", "5.1.1")))
                .contains(new DeliveryReports.Report(DeliveryReports.Kind.HARD_BOUNCE, Optional.of(MESSAGE), "5.1.1"));
    }

    @Test
    void aDelayOrTransientFailureIsASoftBounce() {
        assertThat(parse(dsn(MESSAGE, "delayed", "4.4.1")).orElseThrow().kind())
                .isEqualTo(DeliveryReports.Kind.SOFT_BOUNCE);
        assertThat(parse(dsn(MESSAGE, "failed", "4.2.2")).orElseThrow().kind())
                .isEqualTo(DeliveryReports.Kind.SOFT_BOUNCE);
    }

    @Test
    void aSuccessNoticeIsNeitherBounceNorComplaint() {
        assertThat(parse(dsn(MESSAGE, "delivered", "2.0.0")).orElseThrow().kind())
                .isEqualTo(DeliveryReports.Kind.OTHER);
    }

    @Test
    void anAbuseReportIsAComplaintAndANotSpamReportIsNot() {
        assertThat(parse(arf(MESSAGE, "abuse")))
                .contains(new DeliveryReports.Report(DeliveryReports.Kind.COMPLAINT, Optional.of(MESSAGE), "abuse"));
        assertThat(parse(arf(MESSAGE, "not-spam")).orElseThrow().kind()).isEqualTo(DeliveryReports.Kind.OTHER);
    }

    @Test
    void aReportWithoutOurHeaderNamesNoMessageAndAnOrdinaryMailIsNoReport() {
        String foreign = dsn(MESSAGE, "failed", "5.1.1").replaceAll("X-Hearth-Message-Id: .*\r\n", "");

        assertThat(parse(foreign).orElseThrow().messageId()).isEmpty();
        assertThat(parse("From: a@example.com\r\nSubject: hi\r\n\r\nhello\r\n")).isEmpty();
    }

    private static Optional<DeliveryReports.Report> parse(String mail) {
        return DeliveryReports.parse(mail.getBytes(StandardCharsets.US_ASCII));
    }
}
