package io.hearth.segments.internal;

import io.hearth.profiles.CustomerProfile;
import io.hearth.profiles.ProfileManagement;
import io.hearth.segments.SegmentId;
import io.hearth.segments.internal.SegmentEvaluator.Counts;
import io.hearth.segments.internal.SegmentRepository.Definition;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evaluates one saved segment over every live profile, a page at a time (one transaction per page),
 * then clears members whose profile is gone (merged meanwhile).
 */
@Component
class BulkEvaluator {

    private static final Logger log = LoggerFactory.getLogger(BulkEvaluator.class);
    private static final int PAGE = 500;

    private final ProfileManagement profiles;
    private final SegmentEvaluator evaluator;
    private final SegmentRepository repository;
    private final TransactionTemplate transactions;

    BulkEvaluator(
            ProfileManagement profiles,
            SegmentEvaluator evaluator,
            SegmentRepository repository,
            TransactionTemplate transactions) {
        this.profiles = profiles;
        this.evaluator = evaluator;
        this.repository = repository;
        this.transactions = transactions;
    }

    /** What one pass did. */
    record Pass(long profilesEvaluated, long entered, long exited, Duration took) {}

    Pass run(TenantId tenant, Definition segment) {
        long started = System.nanoTime();
        Tally tally = new Tally();
        Set<CustomerId> seen = new HashSet<>();
        CustomerId after = null;
        for (List<CustomerId> ids = readIds(tenant, null, tally); !ids.isEmpty(); ids = readIds(tenant, after, tally)) {
            long reading = System.nanoTime();
            List<CustomerProfile> page = profiles.profiles(tenant, ids);
            tally.readingNanos += System.nanoTime() - reading;
            if (!tally.add(evaluator.evaluatePage(tenant, segment, page, new HashSet<>(ids)), page.size())) {
                log.info(
                        "segment {} changed during its bulk evaluation; the newer one takes over", segment.segmentId());
                break;
            }
            seen.addAll(ids);
            after = ids.getLast();
        }
        clearGone(tenant, segment, seen, tally);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        log.info(
                "segment {} evaluated over {} profiles in {} ms ({} ms reading profiles), {} entered, {} exited",
                segment.segmentId(),
                tally.evaluated,
                took.toMillis(),
                Duration.ofNanos(tally.readingNanos).toMillis(),
                tally.entered,
                tally.exited);
        return new Pass(tally.evaluated, tally.entered, tally.exited, took);
    }

    private List<CustomerId> readIds(TenantId tenant, @Nullable CustomerId after, Tally tally) {
        long reading = System.nanoTime();
        List<CustomerId> ids = profiles.customerIds(tenant, PAGE, after);
        tally.readingNanos += System.nanoTime() - reading;
        return ids;
    }

    private void clearGone(TenantId tenant, Definition segment, Set<CustomerId> seen, Tally tally) {
        SegmentId id = segment.segmentId();
        CustomerId after = null;
        for (List<CustomerId> members = members(tenant, id, null);
                !members.isEmpty();
                members = members(tenant, id, after)) {
            Set<CustomerId> unseen = new HashSet<>(members);
            unseen.removeAll(seen);
            if (!unseen.isEmpty()) {
                tally.add(evaluator.evaluatePage(tenant, segment, profiles.profiles(tenant, unseen), unseen), 0);
            }
            after = members.getLast();
        }
    }

    private List<CustomerId> members(TenantId tenant, SegmentId segment, @Nullable CustomerId after) {
        return TenantContext.call(
                tenant, () -> transactions.execute(status -> repository.members(tenant, segment, PAGE, after)));
    }

    private static final class Tally {
        long evaluated;
        long entered;
        long exited;
        long readingNanos;

        /** Answers false when the page was not written because the segment changed. */
        boolean add(@Nullable Counts counts, int profiles) {
            if (counts == null) {
                return false;
            }
            evaluated += profiles;
            entered += counts.entered();
            exited += counts.exited();
            return true;
        }
    }
}
