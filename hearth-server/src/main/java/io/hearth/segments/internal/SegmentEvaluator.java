package io.hearth.segments.internal;

import io.hearth.profiles.CustomerProfile;
import io.hearth.profiles.ProfileManagement;
import io.hearth.segments.SegmentId;
import io.hearth.segments.internal.SegmentExpressions.Condition;
import io.hearth.segments.internal.SegmentRepository.Definition;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-evaluates every segment of a tenant for some customers and writes the entries and exits. Profiles
 * are read through the profiles facade first, in its own transaction; then one transaction of ours
 * locks the definitions, compares with the stored membership and publishes an event per real change.
 * Inserts and deletes answer the rows they changed, so two evaluations racing on one customer publish
 * each change once.
 */
@Component
class SegmentEvaluator {

    private final ProfileManagement profiles;
    private final SegmentRepository repository;
    private final Conditions conditions;
    private final TransactionTemplate transactions;
    private final MembershipAnnouncer announcer;
    private final Clock clock;

    SegmentEvaluator(
            ProfileManagement profiles,
            SegmentRepository repository,
            Conditions conditions,
            TransactionTemplate transactions,
            MembershipAnnouncer announcer,
            Clock clock) {
        this.profiles = profiles;
        this.repository = repository;
        this.conditions = conditions;
        this.transactions = transactions;
        this.announcer = announcer;
        this.clock = clock;
    }

    /**
     * Customers whose profile changed, merged or came back. An id that is no longer a live profile
     * (absorbed by a merge, or unknown) leaves every segment.
     */
    void reevaluate(TenantId tenant, Collection<CustomerId> customers) {
        Set<CustomerId> asked = new LinkedHashSet<>(customers);
        // Most batches of a shop without segments stop here, before reading any profile.
        if (asked.isEmpty() || !Boolean.TRUE.equals(inTenant(tenant, () -> repository.any(tenant)))) {
            return;
        }
        Map<CustomerId, Map<String, Object>> live = new HashMap<>();
        for (CustomerProfile profile : profiles.profiles(tenant, asked)) {
            live.put(profile.customerId(), CustomerVariables.of(profile));
        }
        inTenant(tenant, () -> {
            Map<CustomerId, Set<SegmentId>> current = repository.memberships(tenant, asked);
            Changes changes = new Changes();
            for (Definition definition : repository.definitionsLocked(tenant)) {
                Condition condition = conditions.compile(definition.expression());
                for (CustomerId customer : asked) {
                    Map<String, Object> variables = live.get(customer);
                    boolean member = variables != null && condition.matches(variables);
                    boolean was = current.getOrDefault(customer, Set.of()).contains(definition.segmentId());
                    changes.note(definition.segmentId(), customer, member, was);
                }
            }
            apply(tenant, changes);
            return null;
        });
    }

    /**
     * Evaluates one segment over some live profiles. Stops (answering null) when the segment was
     * deleted or its expression changed meanwhile: the evaluation of the newer version takes over.
     */
    @Nullable
    Counts evaluatePage(TenantId tenant, Definition segment, List<CustomerProfile> page, Set<CustomerId> ids) {
        Condition condition = conditions.compile(segment.expression());
        Set<CustomerId> matching = new HashSet<>();
        for (CustomerProfile profile : page) {
            if (condition.matches(CustomerVariables.of(profile))) {
                matching.add(profile.customerId());
            }
        }
        return inTenant(tenant, () -> {
            boolean unchanged = repository
                    .definitionLocked(tenant, segment.segmentId())
                    .filter(stored -> stored.expression().equals(segment.expression()))
                    .isPresent();
            if (!unchanged) {
                return null;
            }
            Map<CustomerId, Set<SegmentId>> current = repository.memberships(tenant, ids);
            Changes changes = new Changes();
            for (CustomerId customer : ids) {
                boolean was = current.getOrDefault(customer, Set.of()).contains(segment.segmentId());
                changes.note(segment.segmentId(), customer, matching.contains(customer), was);
            }
            return apply(tenant, changes);
        });
    }

    private Counts apply(TenantId tenant, Changes changes) {
        Instant now = clock.instant();
        long entered = 0;
        long exited = 0;
        for (Map.Entry<SegmentId, List<CustomerId>> entry : changes.entering.entrySet()) {
            for (CustomerId customer : repository.enter(tenant, entry.getKey(), entry.getValue(), now)) {
                announcer.entered(tenant, entry.getKey(), customer);
                entered++;
            }
        }
        for (Map.Entry<SegmentId, List<CustomerId>> entry : changes.exiting.entrySet()) {
            for (CustomerId customer : repository.exit(tenant, entry.getKey(), entry.getValue())) {
                announcer.exited(tenant, entry.getKey(), customer);
                exited++;
            }
        }
        return new Counts(entered, exited);
    }

    private <T> @Nullable T inTenant(TenantId tenant, Supplier<@Nullable T> work) {
        return TenantContext.call(tenant, () -> transactions.execute(status -> work.get()));
    }

    /** Entries and exits one evaluation wrote. */
    record Counts(long entered, long exited) {}

    private static final class Changes {
        private final Map<SegmentId, List<CustomerId>> entering = new HashMap<>();
        private final Map<SegmentId, List<CustomerId>> exiting = new HashMap<>();

        void note(SegmentId segment, CustomerId customer, boolean member, boolean was) {
            if (member && !was) {
                entering.computeIfAbsent(segment, id -> new ArrayList<>()).add(customer);
            }
            if (!member && was) {
                exiting.computeIfAbsent(segment, id -> new ArrayList<>()).add(customer);
            }
        }
    }
}
