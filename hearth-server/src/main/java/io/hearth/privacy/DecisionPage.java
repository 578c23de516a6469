package io.hearth.privacy;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of a customer's decisions, newest first; {@code next} is the cursor of the following page. */
public record DecisionPage(
        List<RecordedDecision> decisions, @Nullable String next) {

    /** The largest page. */
    public static final int MAX_LIMIT = 500;

    public DecisionPage {
        decisions = List.copyOf(decisions);
    }
}
