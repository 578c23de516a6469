package io.hearth.journeys;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A journey as data.
 *
 * @param priority 1–10: under the shared contact-pressure budget a higher priority may use more of it
 * @param transactional transactional journeys (order confirmations) are exempt from pressure, caps,
 *     quiet hours and the global holdout; consent still applies
 * @param exitWhen event names that end a customer's run early (e.g. {@code Order Completed})
 */
public record JourneyDefinition(
        String key,
        String name,
        int priority,
        boolean transactional,
        Trigger trigger,
        EntryRules entry,
        List<String> exitWhen,
        List<Step> steps) {

    public JourneyDefinition {
        requireNonNull(key, "key is null");
        requireNonNull(name, "name is null");
        requireNonNull(trigger, "trigger is null");
        requireNonNull(entry, "entry is null");
        exitWhen = List.copyOf(exitWhen);
        steps = List.copyOf(steps);
    }

    /** Whether a customer may enter again after a run ended, and how many runs may be active at once. */
    public record EntryRules(boolean reentry, int maxConcurrent) {}
}
