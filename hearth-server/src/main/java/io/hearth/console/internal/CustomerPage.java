package io.hearth.console.internal;

import java.util.List;
import java.util.Optional;

/**
 * Everything the customer page shows, already written as text. Segments are empty when no segments
 * module is available.
 */
record CustomerPage(
        String customerId,
        String created,
        String updated,
        List<IdentifierRow> identifiers,
        List<MergeRow> merges,
        List<Fact> traits,
        List<Fact> computed,
        Timeline timeline,
        List<ConsentRow> consents,
        List<DecisionRow> decisions,
        Optional<List<CustomerSegments.Membership>> segments) {

    CustomerPage {
        identifiers = List.copyOf(identifiers);
        merges = List.copyOf(merges);
        traits = List.copyOf(traits);
        computed = List.copyOf(computed);
        consents = List.copyOf(consents);
        decisions = List.copyOf(decisions);
    }

    public record IdentifierRow(String kind, String value) {}

    /**
     * One merge the profile took part in.
     *
     * @param role {@code survivor} when another profile joined this one, {@code absorbed} when this
     *     one joined another
     * @param other the other profile's id
     * @param undoable whether the signed-in key may undo it now (admin key, not undone yet)
     */
    public record MergeRow(
            String mergeId,
            String role,
            String other,
            String absorbed,
            String reason,
            String identifiers,
            String mergedAt,
            String undoneAt,
            boolean undone,
            boolean undoable) {}

    /** A label and its value; {@code id} names it for tests and links. */
    public record Fact(String id, String label, String value) {}

    public record TimelineRow(
            String time, String type, String event, String order, String categories, String channel) {}

    /** A page of the timeline and the cursor of the next one, empty at the end. */
    public record Timeline(List<TimelineRow> rows, String next) {
        public Timeline {
            rows = List.copyOf(rows);
        }

        public boolean hasMore() {
            return !next.isEmpty();
        }
    }

    public record ConsentRow(String purpose, String channel, boolean granted, String source, String occurredAt) {}

    public record DecisionRow(String time, String type, String outcome, String reason, String model) {}
}
