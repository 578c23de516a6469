package io.hearth.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.shared.CustomerId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MayUseRuleTest {

    private static final CustomerId BEN = CustomerId.of("cust-ben");

    @Test
    void withNothingRecordedMarketingIsRefusedAndTheOtherPurposesAllowed() {
        CustomerConsents none = consents();

        assertThat(none.mayUse(Purpose.MARKETING, Channel.EMAIL)).isFalse();
        assertThat(none.mayUse(Purpose.MARKETING, Channel.ANY)).isFalse();
        assertThat(none.mayUse(Purpose.ANALYTICS, Channel.ANY)).isTrue();
        assertThat(none.mayUse(Purpose.PERSONALIZATION, Channel.PUSH)).isTrue();
        assertThat(none.mayUse(Purpose.PROFILING, Channel.ANY)).isTrue();
    }

    @Test
    void aPurposeLevelAnswerCoversEveryChannelWithoutItsOwn() {
        CustomerConsents marketingGranted = consents(answer(Purpose.MARKETING, Channel.ANY, true));

        assertThat(marketingGranted.mayUse(Purpose.MARKETING, Channel.EMAIL)).isTrue();
        assertThat(marketingGranted.mayUse(Purpose.MARKETING, Channel.SMS)).isTrue();
        assertThat(marketingGranted.mayUse(Purpose.MARKETING, Channel.ANY)).isTrue();
    }

    @Test
    void aChannelAnswerWinsOverThePurposeLevelAnswer() {
        CustomerConsents smsWithdrawn =
                consents(answer(Purpose.MARKETING, Channel.ANY, true), answer(Purpose.MARKETING, Channel.SMS, false));
        CustomerConsents onlyEmail =
                consents(answer(Purpose.MARKETING, Channel.ANY, false), answer(Purpose.MARKETING, Channel.EMAIL, true));

        assertThat(smsWithdrawn.mayUse(Purpose.MARKETING, Channel.SMS)).isFalse();
        assertThat(smsWithdrawn.mayUse(Purpose.MARKETING, Channel.EMAIL)).isTrue();
        assertThat(onlyEmail.mayUse(Purpose.MARKETING, Channel.EMAIL)).isTrue();
        assertThat(onlyEmail.mayUse(Purpose.MARKETING, Channel.PUSH)).isFalse();
    }

    @Test
    void askingForThePurposeAsAWholeIgnoresChannelAnswers() {
        CustomerConsents onlyEmail = consents(answer(Purpose.MARKETING, Channel.EMAIL, true));

        assertThat(onlyEmail.mayUse(Purpose.MARKETING, Channel.ANY)).isFalse();
    }

    @Test
    void aWithdrawalOfAnOptOutPurposeRefusesIt() {
        CustomerConsents noAnalytics = consents(answer(Purpose.ANALYTICS, Channel.ANY, false));

        assertThat(noAnalytics.mayUse(Purpose.ANALYTICS, Channel.ANY)).isFalse();
        assertThat(noAnalytics.mayUse(Purpose.ANALYTICS, Channel.EMAIL)).isFalse();
        assertThat(noAnalytics.mayUse(Purpose.PROFILING, Channel.ANY)).isTrue();
    }

    private static CustomerConsents consents(Consent... current) {
        return new CustomerConsents(BEN, List.of(current));
    }

    private static Consent answer(Purpose purpose, Channel channel, boolean granted) {
        Instant at = Instant.parse("2026-11-20T10:00:00Z");
        return new Consent(purpose, channel, granted, "api", at, null, at);
    }
}
