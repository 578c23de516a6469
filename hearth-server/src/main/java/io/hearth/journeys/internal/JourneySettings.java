package io.hearth.journeys.internal;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the journeys module: the timer job and the guardrails every send passes.
 *
 * @param timerCheck how often the timer job looks for due runs
 * @param defaultTimeZone the zone of customers without a {@code timezone} trait
 * @param quietStart start of quiet hours, customer's local time; marketing waits until {@code quietEnd}
 * @param quietEnd end of quiet hours
 * @param sendHour the local time a best-send-time wait uses when no learned time is plugged in
 * @param maxPerDay marketing messages per customer per rolling day, all channels
 * @param maxPerWeek marketing messages per customer per rolling week, all channels
 * @param maxPerChannelPerDay marketing messages per customer per rolling day on one channel
 * @param weeklyBudget the contact-pressure budget shared by all journeys: a journey of priority p (1–10)
 *     may send while the customer's week holds fewer than {@code ceil(budget × p / 10)} messages
 * @param dedupeWindow the same content (template) is not sent again to a customer within this window
 * @param globalHoldoutPercent share of customers (by a stable hash) who never get marketing messages
 * @param conversionWindow an order placed within this time after a run started converts the run
 * @param scheduleCheck how often the db-scheduler task looks for schedule-triggered journeys that are due
 */
@ConfigurationProperties("hearth.journeys")
public record JourneySettings(
        @DefaultValue("PT1S") Duration timerCheck,
        @DefaultValue("UTC") ZoneId defaultTimeZone,
        @DefaultValue("21:00") LocalTime quietStart,
        @DefaultValue("08:00") LocalTime quietEnd,
        @DefaultValue("10:00") LocalTime sendHour,
        @DefaultValue("3") int maxPerDay,
        @DefaultValue("7") int maxPerWeek,
        @DefaultValue("2") int maxPerChannelPerDay,
        @DefaultValue("6") int weeklyBudget,
        @DefaultValue("P7D") Duration dedupeWindow,
        @DefaultValue("5") int globalHoldoutPercent,
        @DefaultValue("P14D") Duration conversionWindow,
        @DefaultValue("PT30S") Duration scheduleCheck) {

    public JourneySettings {
        if (globalHoldoutPercent < 0 || globalHoldoutPercent > 100) {
            throw new IllegalArgumentException("hearth.journeys.global-holdout-percent must be 0–100");
        }
        if (maxPerDay < 0 || maxPerWeek < 0 || maxPerChannelPerDay < 0 || weeklyBudget < 0) {
            throw new IllegalArgumentException("hearth.journeys caps and budget must not be negative");
        }
    }
}
