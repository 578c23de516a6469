package io.hearth.messaging;

/**
 * What a customer was already sent, as the journey guardrails need it: counted in one query over
 * messages that went or are going (queued, sending, sent, retrying, unknown).
 *
 * @param lastDay messages on any channel in the last 24 hours
 * @param lastWeek messages on any channel in the last 7 days
 * @param lastDayOnChannel messages on the asked channel in the last 24 hours
 * @param sameContent whether the asked content went out within the asked window
 */
public record SendHistory(int lastDay, int lastWeek, int lastDayOnChannel, boolean sameContent) {}
