package io.hearth.journeys;

import io.hearth.messaging.MessageChannel;
import io.hearth.privacy.Purpose;
import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One step of a journey. Steps run in the order listed; {@code next} (or a branch's targets) jumps to
 * another step by id. A step with a side effect has it at most once per (run, step).
 */
public sealed interface Step {

    String id();

    /** The step to go to after this one; null means the next in the list (or the end). */
    @Nullable
    String next();

    /** Sends a template through messaging, inside the guardrails. */
    record Send(String id, @Nullable String next, String template, MessageChannel channel, Purpose purpose)
            implements Step {}

    /** Waits a duration, or until the next time of day in the customer's time zone, or the best send time. */
    record Wait(
            String id,
            @Nullable String next,
            @Nullable Duration duration,
            @Nullable LocalTime until,
            boolean bestSendTime)
            implements Step {}

    /** Waits for the customer's event; goes to {@code onEvent} when it comes, {@code onTimeout} when not. */
    record WaitForEvent(
            String id,
            @Nullable String next,
            String event,
            Duration timeout,
            @Nullable String onEvent,
            @Nullable String onTimeout)
            implements Step {}

    /** Goes to {@code then} when the CEL condition over {@code customer} and {@code run} holds, else {@code otherwise}. */
    record Branch(
            String id,
            @Nullable String next,
            String condition,
            @Nullable String then,
            @Nullable String otherwise) implements Step {}

    /** Random split by weight; a holdout share of runs ends here, to measure against. */
    record Split(String id, @Nullable String next, List<Variant> variants, int holdoutPercent) implements Step {
        public Split {
            variants = List.copyOf(variants);
        }
    }

    /** A branch of a split: its share in percent of the non-holdout runs, and where it goes. */
    record Variant(String id, int weight, @Nullable String next) {}

    /** Sets a trait on the customer's profile (as an identify event from the journeys source). */
    record UpdateTrait(String id, @Nullable String next, String trait, Object value) implements Step {}

    /** Posts the run's context to a URL, signed with HMAC-SHA256 under the shop's webhook secret. */
    record Webhook(String id, @Nullable String next, URI url) implements Step {}

    /** Awards loyalty points through the {@link LoyaltyPort}. */
    record AwardPoints(String id, @Nullable String next, long points, String reason) implements Step {}

    /** Issues a voucher (offer chosen by the loyalty bandit when {@code offer} is null) through the {@link LoyaltyPort}. */
    record IssueVoucher(
            String id, @Nullable String next, @Nullable String offer) implements Step {}

    /**
     * The next-best-action agent: sends the one eligible action (template on a channel) of highest
     * expected value, value times the customer's learned response rate, inside the guardrails; backs
     * off for {@code backoff} after {@code backoffAfterIgnored} ignored messages in a row, and holds
     * when they are still ignored after it. Every choice goes to the decision log.
     */
    record BestAction(
            String id,
            @Nullable String next,
            List<Action> actions,
            Purpose purpose,
            int backoffAfterIgnored,
            Duration backoff)
            implements Step {
        public BestAction {
            actions = List.copyOf(actions);
        }
    }

    /** One candidate of a best-action step: what it sends, where, and what a response to it is worth. */
    record Action(String id, String template, MessageChannel channel, long value) {}

    /** Ends the run. */
    record Exit(String id, @Nullable String next) implements Step {}
}
