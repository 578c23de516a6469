package io.hearth.privacy;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of recomputing a tenant's decision chain.
 *
 * @param checked how many entries were recomputed
 * @param firstBroken the first entry whose hash does not follow from its content and its predecessor,
 *     or {@code null} when the chain is intact
 */
public record ChainVerification(long checked, @Nullable BrokenLink firstBroken) {

    public boolean intact() {
        return firstBroken == null;
    }

    public Optional<BrokenLink> broken() {
        return Optional.ofNullable(firstBroken);
    }

    /**
     * Where the chain breaks.
     *
     * @param sequence the position of the first entry that does not verify
     * @param decisionId that entry's id, or {@code null} when the entry is missing
     * @param problem what is wrong, for a human
     */
    public record BrokenLink(long sequence, @Nullable UUID decisionId, String problem) {
        public BrokenLink {
            requireNonNull(problem, "problem is null");
        }
    }
}
