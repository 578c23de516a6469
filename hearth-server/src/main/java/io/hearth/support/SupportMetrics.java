package io.hearth.support;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Support figures over conversations with at least one customer message.
 *
 * @param containmentRate share of conversations never handed to an agent
 * @param escalationsByReason escalated conversations per (last) escalation reason
 * @param escalationRateByReason the same as a share of all conversations, so the rates of the
 *     reasons add up to one minus the containment rate
 * @param averageFirstResponseSeconds from the conversation's start to the first reply (assistant or agent)
 * @param averageAgentResponseSeconds from escalation to the first agent reply
 * @param averageResolutionSeconds from the start to resolution, over resolved conversations
 * @param averageCsat mean 1–5 rating over rated conversations
 * @param byIntent the same per intent of the conversation's last customer message
 */
public record SupportMetrics(
        long conversations,
        long contained,
        double containmentRate,
        long escalated,
        Map<String, Long> escalationsByReason,
        Map<String, Double> escalationRateByReason,
        @Nullable Double averageFirstResponseSeconds,
        @Nullable Double averageAgentResponseSeconds,
        @Nullable Double averageResolutionSeconds,
        @Nullable Double averageCsat,
        long rated,
        Map<String, IntentFigures> byIntent) {

    /**
     * Figures of one intent, defined as the tenant-wide ones over its conversations.
     *
     * @param escalationRateByReason escalations for a reason as a share of the intent's conversations
     */
    public record IntentFigures(
            long conversations,
            long escalated,
            double containmentRate,
            Map<String, Long> escalationsByReason,
            Map<String, Double> escalationRateByReason,
            @Nullable Double averageFirstResponseSeconds,
            @Nullable Double averageAgentResponseSeconds,
            @Nullable Double averageResolutionSeconds,
            @Nullable Double averageCsat,
            long rated) {}
}
