package io.hearth.journeys.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The guardrails of one send, as a pure rule over facts gathered beforehand: consent, the global
 * holdout, duplicate content, quiet hours (a delay, never a drop), frequency caps and the shared
 * contact-pressure budget. Transactional journeys answer to consent alone.
 */
final class SendPolicy {

    private final JourneySettings settings;

    SendPolicy(JourneySettings settings) {
        this.settings = settings;
    }

    /** What is known about the customer at the moment of the send. */
    record Facts(
            boolean transactional,
            int priority,
            boolean consent,
            boolean inGlobalHoldout,
            boolean duplicateContent,
            ZonedDateTime localNow,
            int sentLastDay,
            int sentLastWeek,
            int sentLastDayOnChannel) {}

    /** Send, suppress with a reason, or try again at an instant. */
    sealed interface Verdict {
        record Allow() implements Verdict {}

        record Suppress(String reason) implements Verdict {
            /**
             * Whether the step's own message, committed by a node that died before the run moved on,
             * could be what this suppression counted (as a duplicate, or towards a cap or budget).
             */
            boolean mayCountOwnMessage() {
                return reason.equals("duplicate-content")
                        || reason.startsWith("frequency-cap")
                        || reason.equals("pressure-budget");
            }
        }

        record Delay(Instant until, String reason) implements Verdict {}
    }

    Verdict decide(Facts facts) {
        if (!facts.consent()) {
            return new Verdict.Suppress("consent");
        }
        if (facts.transactional()) {
            return new Verdict.Allow();
        }
        if (facts.inGlobalHoldout()) {
            return new Verdict.Suppress("global-holdout");
        }
        if (facts.duplicateContent()) {
            return new Verdict.Suppress("duplicate-content");
        }
        if (inQuietHours(facts.localNow().toLocalTime())) {
            return new Verdict.Delay(endOfQuietHours(facts.localNow()), "quiet-hours");
        }
        if (facts.sentLastDay() >= settings.maxPerDay()) {
            return new Verdict.Suppress("frequency-cap-day");
        }
        if (facts.sentLastWeek() >= settings.maxPerWeek()) {
            return new Verdict.Suppress("frequency-cap-week");
        }
        if (facts.sentLastDayOnChannel() >= settings.maxPerChannelPerDay()) {
            return new Verdict.Suppress("frequency-cap-channel");
        }
        if (facts.sentLastWeek() >= share(facts.priority())) {
            return new Verdict.Suppress("pressure-budget");
        }
        return new Verdict.Allow();
    }

    /** The messages a week may hold for a journey of this priority to still send. */
    int share(int priority) {
        return (int) Math.ceil(settings.weeklyBudget() * priority / 10.0);
    }

    boolean inQuietHours(LocalTime time) {
        LocalTime start = settings.quietStart();
        LocalTime end = settings.quietEnd();
        if (start.equals(end)) {
            return false;
        }
        return start.isBefore(end)
                ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
    }

    Instant endOfQuietHours(ZonedDateTime localNow) {
        ZonedDateTime end = localNow.with(settings.quietEnd());
        return (end.isAfter(localNow) ? end : end.plusDays(1)).toInstant();
    }

    /** Whether the customer is in the global holdout: a stable hash of tenant and customer, in percent. */
    static boolean inGlobalHoldout(String tenant, String customer, int percent) {
        if (percent <= 0) {
            return false;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(("holdout:" + tenant + ":" + customer).getBytes(StandardCharsets.UTF_8));
            int bucket = Math.floorMod(((hash[0] & 0xff) << 8) | (hash[1] & 0xff), 100);
            return bucket < percent;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The customer's zone: the {@code timezone} trait when it names one, else the default. */
    static ZoneId zone(Object trait, ZoneId fallback) {
        if (trait instanceof String name) {
            try {
                return ZoneId.of(name);
            } catch (java.time.DateTimeException e) {
                return fallback;
            }
        }
        return fallback;
    }
}
