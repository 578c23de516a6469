package io.hearth.journeys.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.journeys.internal.SendPolicy.Facts;
import io.hearth.journeys.internal.SendPolicy.Verdict;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SendPolicyTest {

    static final JourneySettings SETTINGS = new JourneySettings(
            Duration.ofSeconds(1),
            ZoneId.of("UTC"),
            LocalTime.of(21, 0),
            LocalTime.of(8, 0),
            LocalTime.of(10, 0),
            3,
            7,
            2,
            6,
            Duration.ofDays(7),
            5,
            Duration.ofDays(14),
            Duration.ofSeconds(30));
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZonedDateTime NOON = ZonedDateTime.of(2026, 12, 1, 12, 0, 0, 0, BERLIN);

    final SendPolicy policy = new SendPolicy(SETTINGS);

    @Test
    void aMarketingSendWithinEveryLimitGoes() {
        assertThat(policy.decide(marketing(NOON, 0, 0, 0))).isInstanceOf(Verdict.Allow.class);
    }

    @Test
    void withoutConsentNothingGoesNotEvenTransactional() {
        Facts transactional = new Facts(true, 10, false, false, false, NOON, 0, 0, 0);

        assertThat(policy.decide(transactional)).isEqualTo(new Verdict.Suppress("consent"));
    }

    @Test
    void lateAtNightAMarketingSendWaitsForTheMorningInTheCustomersZone() {
        ZonedDateTime lateEvening = NOON.withHour(23).withMinute(30);

        Verdict verdict = policy.decide(marketing(lateEvening, 0, 0, 0));

        assertThat(verdict)
                .isEqualTo(new Verdict.Delay(
                        ZonedDateTime.of(2026, 12, 2, 8, 0, 0, 0, BERLIN).toInstant(), "quiet-hours"));
    }

    @Test
    void earlyInTheMorningTheDelayEndsTheSameDay() {
        Verdict verdict = policy.decide(marketing(NOON.withHour(6), 0, 0, 0));

        assertThat(((Verdict.Delay) verdict).until()).isEqualTo(NOON.withHour(8).toInstant());
    }

    @Test
    void transactionalSendsIgnoreQuietHoursCapsAndTheHoldout() {
        Facts facts = new Facts(true, 1, true, true, true, NOON.withHour(3), 99, 99, 99);

        assertThat(policy.decide(facts)).isInstanceOf(Verdict.Allow.class);
    }

    @Test
    void eachCapSuppressesWithItsOwnReason() {
        assertThat(policy.decide(marketing(NOON, 3, 3, 0))).isEqualTo(new Verdict.Suppress("frequency-cap-day"));
        assertThat(policy.decide(marketing(NOON, 0, 7, 0))).isEqualTo(new Verdict.Suppress("frequency-cap-week"));
        assertThat(policy.decide(marketing(NOON, 2, 2, 2))).isEqualTo(new Verdict.Suppress("frequency-cap-channel"));
    }

    @Test
    void aLowPriorityJourneyLeavesTheRestOfTheBudgetToHigherOnes() {
        Facts lowPriority = new Facts(false, 3, true, false, false, NOON, 0, 2, 0);
        Facts highPriority = new Facts(false, 9, true, false, false, NOON, 0, 2, 0);

        assertThat(policy.share(3)).isEqualTo(2);
        assertThat(policy.share(9)).isEqualTo(6);
        assertThat(policy.decide(lowPriority)).isEqualTo(new Verdict.Suppress("pressure-budget"));
        assertThat(policy.decide(highPriority)).isInstanceOf(Verdict.Allow.class);
    }

    @Test
    void theHoldoutAndDuplicatesAreSuppressed() {
        Facts holdout = new Facts(false, 5, true, true, false, NOON, 0, 0, 0);
        Facts duplicate = new Facts(false, 5, true, false, true, NOON, 0, 0, 0);

        assertThat(policy.decide(holdout)).isEqualTo(new Verdict.Suppress("global-holdout"));
        assertThat(policy.decide(duplicate)).isEqualTo(new Verdict.Suppress("duplicate-content"));
    }

    @Test
    void onlySuppressionsThatCountEarlierMessagesMayHaveCountedTheStepsOwn() {
        Verdict.Suppress noConsent =
                (Verdict.Suppress) policy.decide(new Facts(false, 5, false, false, false, NOON, 0, 0, 0));
        Verdict.Suppress holdout =
                (Verdict.Suppress) policy.decide(new Facts(false, 5, true, true, false, NOON, 0, 0, 0));
        Verdict.Suppress duplicate =
                (Verdict.Suppress) policy.decide(new Facts(false, 5, true, false, true, NOON, 0, 0, 0));
        Verdict.Suppress capped = (Verdict.Suppress) policy.decide(marketing(NOON, 100, 100, 100));

        assertThat(noConsent.mayCountOwnMessage()).isFalse();
        assertThat(holdout.mayCountOwnMessage()).isFalse();
        assertThat(duplicate.mayCountOwnMessage()).isTrue();
        assertThat(capped.reason()).startsWith("frequency-cap");
        assertThat(capped.mayCountOwnMessage()).isTrue();
    }

    @Test
    void theGlobalHoldoutIsAStableShareOfCustomers() {
        long held = IntStream.range(0, 10_000)
                .filter(i -> SendPolicy.inGlobalHoldout("tenant-a", "customer-" + i, 5))
                .count();

        assertThat(held).isBetween(400L, 600L);
        assertThat(SendPolicy.inGlobalHoldout("tenant-a", "customer-1", 5))
                .isEqualTo(SendPolicy.inGlobalHoldout("tenant-a", "customer-1", 5));
        assertThat(SendPolicy.inGlobalHoldout("tenant-a", "customer-1", 0)).isFalse();
    }

    @Test
    void anUnknownZoneFallsBackToTheDefault() {
        assertThat(SendPolicy.zone("Mars/Olympus", ZoneId.of("UTC"))).isEqualTo(ZoneId.of("UTC"));
        assertThat(SendPolicy.zone("Europe/Berlin", ZoneId.of("UTC"))).isEqualTo(BERLIN);
    }

    private static Facts marketing(ZonedDateTime localNow, int day, int week, int channelDay) {
        return new Facts(false, 5, true, false, false, localNow, day, week, channelDay);
    }
}
