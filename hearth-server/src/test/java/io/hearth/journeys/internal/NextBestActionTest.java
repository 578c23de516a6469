package io.hearth.journeys.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hearth.journeys.Step;
import io.hearth.messaging.MessageChannel;
import java.util.List;
import org.junit.jupiter.api.Test;

class NextBestActionTest {

    static final Step.Action MAIL = new Step.Action("mail", "offer", MessageChannel.EMAIL, 10);
    static final Step.Action SMS = new Step.Action("sms", "offer-sms", MessageChannel.SMS, 6);

    @Test
    void aNewCustomerStartsFromEveryonesRatesSoTheHigherExpectedValueWins() {
        // Everyone: mail 10 of 100 engaged, sms 30 of 100: sms is worth 6 × 0.30 > 10 × 0.11.
        var mail = new NextBestAction.Candidate(MAIL, null, 0, 0, 100, 10);
        var sms = new NextBestAction.Candidate(SMS, null, 0, 0, 100, 30);

        assertThat(mail.rate()).isCloseTo(11.0 / 102, within(1e-9));
        assertThat(NextBestAction.choose(List.of(mail, sms)).orElseThrow().action())
                .isEqualTo(SMS);
    }

    @Test
    void theCustomersOwnResponsesTakeOverFromEveryones() {
        // Everyone prefers sms, but this customer opened all five mails and ignored four texts.
        var mail = new NextBestAction.Candidate(MAIL, null, 5, 5, 100, 10);
        var sms = new NextBestAction.Candidate(SMS, null, 4, 0, 100, 30);

        NextBestAction.Candidate chosen =
                NextBestAction.choose(List.of(mail, sms)).orElseThrow();

        assertThat(chosen.action()).isEqualTo(MAIL);
        assertThat(NextBestAction.reason(chosen, List.of(mail, sms)))
                .startsWith("highest expected value")
                .contains("over sms");
    }

    @Test
    void anActionTheGuardrailsBlockIsNeverChosenWhateverItIsWorth() {
        var mail = new NextBestAction.Candidate(MAIL, "consent", 5, 5, 100, 90);
        var sms = new NextBestAction.Candidate(SMS, null, 0, 0, 0, 0);

        assertThat(NextBestAction.choose(List.of(mail, sms)).orElseThrow().action())
                .isEqualTo(SMS);
        assertThat(NextBestAction.choose(List.of(mail))).isEmpty();
        assertThat(mail.describe()).contains("blocked by consent");
    }

    @Test
    void ignoredMessagesCountFromTheNewestUntilTheFirstEngagedOne() {
        assertThat(NextBestAction.ignoredInARow(List.of(false, false, true, false)))
                .isEqualTo(2);
        assertThat(NextBestAction.ignoredInARow(List.of(true, false))).isZero();
        assertThat(NextBestAction.ignoredInARow(List.of())).isZero();
    }
}
