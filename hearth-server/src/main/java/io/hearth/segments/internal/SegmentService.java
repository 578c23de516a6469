package io.hearth.segments.internal;

import io.hearth.profiles.CustomerProfile;
import io.hearth.profiles.ProfileManagement;
import io.hearth.profiles.ProfilesProblem;
import io.hearth.segments.MemberPage;
import io.hearth.segments.Segment;
import io.hearth.segments.SegmentEvaluation;
import io.hearth.segments.SegmentId;
import io.hearth.segments.SegmentsProblem;
import io.hearth.segments.internal.SegmentEvaluator.Counts;
import io.hearth.segments.internal.SegmentRepository.Definition;
import io.hearth.shared.CustomerId;
import io.hearth.shared.FieldError;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Enters the tenant, then the transaction, then does the work: the order RLS needs. */
@Service
public class SegmentService {

    private static final Logger log = LoggerFactory.getLogger(SegmentService.class);
    private static final int PAGE = 500;
    private static final int MAX_NAME = 200;

    private final SegmentRepository repository;
    private final SegmentEvaluator evaluator;
    private final Conditions conditions;
    private final ProfileManagement profiles;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SegmentService(
            SegmentRepository repository,
            SegmentEvaluator evaluator,
            Conditions conditions,
            ProfileManagement profiles,
            TransactionTemplate transactions,
            Clock clock) {
        this.repository = repository;
        this.evaluator = evaluator;
        this.conditions = conditions;
        this.profiles = profiles;
        this.transactions = transactions;
        this.clock = clock;
    }

    public SegmentEvaluation create(TenantId tenant, String name, String expression) {
        validate(name, expression);
        SegmentId segment = SegmentId.random();
        boolean created =
                inTenant(tenant, () -> repository.insert(tenant, segment, name.strip(), expression, clock.instant()));
        if (!created) {
            throw nameTaken(name);
        }
        return evaluateAll(tenant, segment, expression);
    }

    public SegmentEvaluation update(TenantId tenant, SegmentId segment, String name, String expression) {
        validate(name, expression);
        inTenant(tenant, () -> {
            if (repository.nameTakenByAnother(tenant, segment, name.strip())) {
                throw nameTaken(name);
            }
            if (!repository.update(tenant, segment, name.strip(), expression, clock.instant())) {
                throw unknown(segment);
            }
            return null;
        });
        return evaluateAll(tenant, segment, expression);
    }

    public void delete(TenantId tenant, SegmentId segment) {
        if (!inTenant(tenant, () -> repository.delete(tenant, segment))) {
            throw unknown(segment);
        }
    }

    public Optional<Segment> segment(TenantId tenant, SegmentId segment) {
        return inTenant(tenant, () -> repository.find(tenant, segment));
    }

    public List<Segment> segments(TenantId tenant) {
        return inTenant(tenant, () -> repository.all(tenant));
    }

    public MemberPage members(TenantId tenant, SegmentId segment, int limit, @Nullable CustomerId after) {
        return inTenant(tenant, () -> {
            repository.find(tenant, segment).orElseThrow(() -> unknown(segment));
            List<CustomerId> rows = repository.members(tenant, segment, limit + 1, after);
            if (rows.size() <= limit) {
                return new MemberPage(rows, null);
            }
            List<CustomerId> page = rows.subList(0, limit);
            return new MemberPage(page, page.getLast().value());
        });
    }

    public List<Segment> segmentsOf(TenantId tenant, CustomerId customer) {
        CustomerId current = profiles.profile(tenant, customer)
                .map(CustomerProfile::customerId)
                .orElseThrow(() -> new HearthProblem(ProfilesProblem.UNKNOWN_CUSTOMER, "No such customer"));
        return inTenant(tenant, () -> repository.containing(tenant, current));
    }

    public void reevaluate(TenantId tenant, List<CustomerId> customers) {
        evaluator.reevaluate(tenant, customers);
    }

    /** Pages through every live profile, then clears members whose profile is gone (merged meanwhile). */
    private SegmentEvaluation evaluateAll(TenantId tenant, SegmentId segment, String expression) {
        long started = System.nanoTime();
        Definition definition = new Definition(segment, expression);
        long evaluated = 0;
        long entered = 0;
        long exited = 0;
        Set<CustomerId> seen = new HashSet<>();
        CustomerId after = null;
        for (List<CustomerId> ids = profiles.customerIds(tenant, PAGE, null);
                !ids.isEmpty();
                ids = profiles.customerIds(tenant, PAGE, after)) {
            List<CustomerProfile> page = profiles.profiles(tenant, ids);
            Counts counts = evaluator.evaluatePage(tenant, definition, page, new HashSet<>(ids));
            if (counts == null) {
                log.info("segment {} changed during its bulk evaluation; the newer one takes over", segment);
                break;
            }
            evaluated += page.size();
            entered += counts.entered();
            exited += counts.exited();
            seen.addAll(ids);
            after = ids.getLast();
        }
        exited += clearGone(tenant, definition, seen);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        log.info("segment {} evaluated over {} profiles in {} ms", segment, evaluated, took.toMillis());
        Segment saved = segment(tenant, segment).orElseThrow(() -> unknown(segment));
        return new SegmentEvaluation(saved, evaluated, entered, exited, took);
    }

    private long clearGone(TenantId tenant, Definition definition, Set<CustomerId> seen) {
        long exited = 0;
        CustomerId after = null;
        while (true) {
            CustomerId cursor = after;
            List<CustomerId> members =
                    inTenant(tenant, () -> repository.members(tenant, definition.segmentId(), PAGE, cursor));
            if (members.isEmpty()) {
                return exited;
            }
            Set<CustomerId> unseen = new HashSet<>(members);
            unseen.removeAll(seen);
            if (!unseen.isEmpty()) {
                Counts counts = evaluator.evaluatePage(tenant, definition, profiles.profiles(tenant, unseen), unseen);
                exited += counts == null ? 0 : counts.exited();
            }
            after = members.getLast();
        }
    }

    private void validate(String name, String expression) {
        if (name.isBlank() || name.strip().length() > MAX_NAME) {
            throw new HearthProblem(
                    SegmentsProblem.INVALID_SEGMENT,
                    "A segment needs a name of 1 to " + MAX_NAME + " characters",
                    List.of(new FieldError("/name", "must have 1 to " + MAX_NAME + " characters")));
        }
        conditions.compile(expression);
    }

    private static HearthProblem nameTaken(String name) {
        return new HearthProblem(
                SegmentsProblem.NAME_TAKEN,
                "Another segment is named like this",
                List.of(new FieldError("/name", "is taken by another segment")));
    }

    static HearthProblem unknown(SegmentId segment) {
        // The id is not echoed: it may be another tenant's.
        return new HearthProblem(SegmentsProblem.UNKNOWN_SEGMENT, "No such segment");
    }

    private <T> T inTenant(TenantId tenant, Supplier<T> work) {
        return TenantContext.call(tenant, () -> transactions.execute(status -> work.get()));
    }
}
