package io.hearth.profiles.internal;

import io.hearth.profiles.MergeCandidate;
import io.hearth.profiles.MergeCandidate.Status;
import io.hearth.profiles.ProfilesProblem;
import io.hearth.shared.CustomerId;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The review queue of probabilistic merge candidates. Enters the tenant, then the transaction, as
 * every profiles facade method does.
 */
@Service
public class MergeReview {

    private final CandidateFinder finder;
    private final MergeCandidateStore candidates;
    private final CandidateMerger merger;
    private final TransactionTemplate transactions;
    private final Clock clock;

    MergeReview(
            CandidateFinder finder,
            MergeCandidateStore candidates,
            CandidateMerger merger,
            TransactionTemplate transactions,
            Clock clock) {
        this.finder = finder;
        this.candidates = candidates;
        this.merger = merger;
        this.transactions = transactions;
        this.clock = clock;
    }

    public void findCandidates(TenantId tenant, List<CustomerId> changed) {
        inTenant(tenant, () -> {
            finder.find(tenant, changed, clock.instant());
            return null;
        });
    }

    public List<MergeCandidate> candidates(TenantId tenant, Status status, int limit) {
        return inTenant(tenant, () -> candidates.list(status, limit));
    }

    public MergeCandidate accept(TenantId tenant, UUID candidateId, String actor) {
        return inTenant(tenant, () -> {
            candidates.lockQueue(tenant);
            MergeCandidate candidate = pending(candidateId);
            Instant now = clock.instant();
            UUID mergeId = merger.merge(
                            tenant,
                            candidate.first(),
                            candidate.second(),
                            "probabilistic match " + candidate.score() + ", reviewed",
                            now)
                    .orElse(null);
            candidates.decide(candidateId, Status.ACCEPTED, actor, now, mergeId);
            return candidates.lock(candidateId).orElseThrow();
        });
    }

    public MergeCandidate reject(TenantId tenant, UUID candidateId, String actor) {
        return inTenant(tenant, () -> {
            candidates.lockQueue(tenant);
            pending(candidateId);
            candidates.decide(candidateId, Status.REJECTED, actor, clock.instant(), null);
            return candidates.lock(candidateId).orElseThrow();
        });
    }

    private MergeCandidate pending(UUID candidateId) {
        MergeCandidate candidate = candidates
                .lock(candidateId)
                .orElseThrow(
                        () -> new HearthProblem(ProfilesProblem.UNKNOWN_MERGE_CANDIDATE, "No such merge candidate"));
        if (candidate.status() != Status.PENDING) {
            throw new HearthProblem(
                    ProfilesProblem.MERGE_CANDIDATE_DECIDED,
                    "The merge candidate was already " + candidate.status().code());
        }
        return candidate;
    }

    private <T> T inTenant(TenantId tenant, Supplier<T> work) {
        return TenantContext.call(tenant, () -> transactions.execute(status -> work.get()));
    }
}
