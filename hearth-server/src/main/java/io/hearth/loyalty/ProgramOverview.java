package io.hearth.loyalty;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * The program at a glance: what it owes its members (points liability), what moved per day, and
 * how members spread over the tiers ({@code ""} counts members in no tier).
 */
public record ProgramOverview(
        long members,
        long availablePoints,
        long pendingPoints,
        long openShortfall,
        List<Day> days,
        Map<String, Long> tierMembers) {

    public ProgramOverview {
        days = List.copyOf(days);
        tierMembers = Map.copyOf(tierMembers);
    }

    /** Points that moved on one UTC day. */
    public record Day(String day, long earned, long redeemed, long expired) {
        public Day {
            requireNonNull(day, "day is null");
        }
    }
}
