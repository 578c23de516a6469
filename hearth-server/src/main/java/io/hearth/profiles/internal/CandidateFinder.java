package io.hearth.profiles.internal;

import io.hearth.profiles.MergeCandidate.Status;
import io.hearth.profiles.internal.MatchScorer.MatchScore;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Finds probabilistic duplicates of profiles whose traits changed: refreshes their blocking keys,
 * scores them against the live profiles sharing a key, proposes pairs at or above the review
 * threshold and merges those at or above the auto-merge threshold.
 */
@Component
class CandidateFinder {

    /** Keeps a very common block (a frequent surname in a big postal code) from costing a scan. */
    static final int MAX_PEERS = 50;

    static final String AUTOMATIC = "automatic";

    private final MergeCandidateStore candidates;
    private final CandidateMerger merger;
    private final ProfileSettings settings;

    CandidateFinder(MergeCandidateStore candidates, CandidateMerger merger, ProfileSettings settings) {
        this.candidates = candidates;
        this.merger = merger;
        this.settings = settings;
    }

    /**
     * Must run in a transaction of the tenant. Takes the tenant's candidate lock first, as deciding
     * does, so concurrent runs and decisions never deadlock on keys or candidate rows.
     */
    void find(TenantId tenant, List<CustomerId> changed, Instant now) {
        if (nothingToMatch(candidates.liveFields(changed)) && !candidates.anyKeys(changed)) {
            return;
        }
        candidates.lockQueue(tenant);
        Map<CustomerId, MatchFields> mine = candidates.liveFields(changed);
        Map<CustomerId, Set<String>> keys = new HashMap<>();
        mine.forEach((customer, fields) -> keys.put(customer, fields.blockingKeys()));
        candidates.replaceKeys(tenant, changed, keys);
        Map<CustomerId, Set<CustomerId>> peers = candidates.peers(mine.keySet(), MAX_PEERS);
        Set<CustomerId> everyPeer = new LinkedHashSet<>();
        peers.values().forEach(everyPeer::addAll);
        everyPeer.removeAll(mine.keySet());
        Map<CustomerId, MatchFields> fields = new HashMap<>(mine);
        fields.putAll(candidates.liveFields(everyPeer));
        Set<CustomerId> merged = new HashSet<>();
        for (Map.Entry<CustomerId, Set<CustomerId>> entry : peers.entrySet()) {
            for (CustomerId peer : entry.getValue()) {
                if (merged.contains(entry.getKey()) || merged.contains(peer) || !fields.containsKey(peer)) {
                    continue;
                }
                Optional<MatchScore> score = MatchScorer.score(fields.get(entry.getKey()), fields.get(peer));
                if (score.isPresent() && score.get().score() >= settings.reviewThreshold()) {
                    propose(tenant, entry.getKey(), peer, score.get(), now).ifPresent(merged::addAll);
                }
            }
        }
    }

    /**
     * Most updates come from events of profiles without a name (anonymous browsing, orders of known
     * customers): they have no blocking keys before or after, and cost one read, not a lock.
     */
    private static boolean nothingToMatch(Map<CustomerId, MatchFields> fields) {
        return fields.values().stream().allMatch(match -> match.blockingKeys().isEmpty());
    }

    /** Answers the pair when it was merged automatically. */
    private Optional<List<CustomerId>> propose(
            TenantId tenant, CustomerId one, CustomerId other, MatchScore score, Instant now) {
        boolean ordered = one.value().compareTo(other.value()) < 0;
        CustomerId first = ordered ? one : other;
        CustomerId second = ordered ? other : one;
        Optional<UUID> pending = candidates.propose(tenant, first, second, score, now);
        if (pending.isEmpty() || !settings.mergesAutomatically(score.score())) {
            return Optional.empty();
        }
        Optional<UUID> mergeId = merger.merge(tenant, first, second, "probabilistic match " + score.score(), now);
        candidates.decide(pending.get(), Status.ACCEPTED, AUTOMATIC, now, mergeId.orElse(null));
        return Optional.of(List.of(first, second));
    }
}
