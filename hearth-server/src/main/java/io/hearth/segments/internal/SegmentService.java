package io.hearth.segments.internal;

import io.hearth.profiles.CustomerProfile;
import io.hearth.profiles.ProfileManagement;
import io.hearth.profiles.ProfilesProblem;
import io.hearth.segments.MemberPage;
import io.hearth.segments.Segment;
import io.hearth.segments.SegmentEvaluation;
import io.hearth.segments.SegmentId;
import io.hearth.segments.SegmentsProblem;
import io.hearth.segments.internal.SegmentRepository.Definition;
import io.hearth.shared.CustomerId;
import io.hearth.shared.FieldError;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Enters the tenant, then the transaction, then does the work: the order RLS needs. */
@Service
public class SegmentService {

    private static final int MAX_NAME = 200;

    private final SegmentRepository repository;
    private final BulkEvaluator bulk;
    private final Conditions conditions;
    private final ProfileManagement profiles;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SegmentService(
            SegmentRepository repository,
            BulkEvaluator bulk,
            Conditions conditions,
            ProfileManagement profiles,
            TransactionTemplate transactions,
            Clock clock) {
        this.repository = repository;
        this.bulk = bulk;
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

    private SegmentEvaluation evaluateAll(TenantId tenant, SegmentId segment, String expression) {
        BulkEvaluator.Pass pass = bulk.run(tenant, new Definition(segment, expression));
        Segment saved = segment(tenant, segment).orElseThrow(() -> unknown(segment));
        return new SegmentEvaluation(saved, pass.profilesEvaluated(), pass.entered(), pass.exited(), pass.took());
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
