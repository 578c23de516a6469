package io.hearth.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

/** Only refusals that prove the relay did not take the message may be retried. */
class EmailClassificationTest {

    @Test
    void aRefusedConnectionIsTransient() {
        assertThat(EmailAdapter.classify(new MessagingException("connect", new ConnectException("refused"))))
                .isInstanceOf(DeliveryResult.Transient.class);
    }

    @Test
    void aFourHundredReplyIsTransientAndFiveHundredPermanent() throws Exception {
        InternetAddress to = new InternetAddress("x@example.com");
        MessagingException busy = new MessagingException("send failed");
        busy.setNextException(new SMTPAddressFailedException(to, "RCPT TO", 451, "try later"));
        MessagingException unknown = new SMTPSendFailedException("DATA", 550, "no such user", null, null, null, null);

        assertThat(EmailAdapter.classify(busy)).isInstanceOf(DeliveryResult.Transient.class);
        assertThat(EmailAdapter.classify(unknown)).isInstanceOf(DeliveryResult.Permanent.class);
    }

    @Test
    void aMailboxThatDoesNotExistIsUndeliverableSoTheAddressIsSuppressed() throws Exception {
        MessagingException noSuchUser = new MessagingException("send failed");
        noSuchUser.setNextException(new SMTPAddressFailedException(
                new InternetAddress("nobody@example.com"), "RCPT TO", 550, "5.1.1 user unknown"));
        MessagingException policy = new MessagingException("send failed");
        policy.setNextException(new SMTPAddressFailedException(
                new InternetAddress("x@example.com"), "RCPT TO", 554, "5.7.1 relay denied"));

        assertThat(EmailAdapter.classify(noSuchUser)).isInstanceOf(DeliveryResult.Undeliverable.class);
        assertThat(EmailAdapter.classify(policy)).isInstanceOf(DeliveryResult.Permanent.class);
    }

    @Test
    void aTimeoutMidConversationIsAmbiguousAndNeverRetried() {
        assertThat(EmailAdapter.classify(new MessagingException("read", new SocketTimeoutException("timed out"))))
                .isInstanceOf(DeliveryResult.Ambiguous.class);
    }
}
