package io.hearth.privacy.internal;

import io.hearth.privacy.Channel;
import io.hearth.privacy.Consent;
import io.hearth.privacy.ConsentChange;
import io.hearth.privacy.Purpose;
import io.hearth.privacy.internal.ConsentDiff.Key;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records consent changes: appends them to the history, moves the current state forward, and announces
 * every change of state, all in one transaction. Changes of one customer are serialized by a
 * transaction-scoped advisory lock, so two concurrent recordings never both miss each other's change.
 * Each customer's own current answers are kept as recorded; merges combine them when they are read
 * ({@link ConsentLinks}), so a merge or an unmerge never rewrites them.
 */
@Component
public class ConsentLedger {

    private final ConsentRepository repository;
    private final ConsentLinks links;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ConsentLedger(
            ConsentRepository repository,
            ConsentLinks links,
            ApplicationEventPublisher publisher,
            TransactionTemplate transactions,
            Clock clock) {
        this.repository = repository;
        this.links = links;
        this.publisher = publisher;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Records the changes; answers how many were new (the others had been recorded before). */
    public int record(TenantId tenant, List<ConsentChange> changes) {
        if (changes.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<ConsentChange> timed = List.copyOf(new LinkedHashSet<>(
                changes.stream().map(change -> change.at(now)).toList()));
        Integer recorded = TenantContext.call(
                tenant, () -> transactions.execute(status -> recordInTransaction(tenant, timed, now)));
        return recorded == null ? 0 : recorded;
    }

    /**
     * The answers in force for the customer: its own combined with those of every customer merged into
     * it. Asked for a customer that was merged into another, answers for the one it is part of now.
     */
    public List<Consent> current(TenantId tenant, CustomerId customer) {
        return current(tenant, List.of(customer)).getOrDefault(customer, List.of());
    }

    /**
     * Customers whose current answers may differ from what they were just before {@code since}, and the
     * profiles those now count for (an absorbed customer's answer counts for its survivor).
     */
    public Set<CustomerId> changedSince(TenantId tenant, Instant since) {
        return TenantContext.call(tenant, () -> {
            Set<CustomerId> changed = new HashSet<>(repository.changedSince(tenant, since));
            changed.addAll(links.roots(tenant, List.copyOf(changed)).values());
            return changed;
        });
    }

    /** {@link #current(TenantId, CustomerId)} for several customers in two queries; every one is a key. */
    public Map<CustomerId, List<Consent>> current(TenantId tenant, Collection<CustomerId> customers) {
        return TenantContext.call(tenant, () -> {
            Map<CustomerId, CustomerId> roots = links.roots(tenant, customers);
            Map<CustomerId, Map<Key, Consent>> inForce = links.inForce(tenant, new LinkedHashSet<>(roots.values()));
            Map<CustomerId, List<Consent>> current = new HashMap<>();
            for (CustomerId customer : customers) {
                CustomerId root = roots.getOrDefault(customer, customer);
                current.put(
                        customer,
                        inForce.getOrDefault(root, Map.of()).values().stream()
                                .sorted(Comparator.comparing(Consent::purpose).thenComparing(Consent::channel))
                                .toList());
            }
            return current;
        });
    }

    /** The customer's changes and those of every customer merged into it, newest first. */
    public List<Consent> history(TenantId tenant, CustomerId customer) {
        return TenantContext.call(tenant, () -> repository.history(tenant, links.members(tenant, customer)));
    }

    private int recordInTransaction(TenantId tenant, List<ConsentChange> changes, Instant now) {
        Set<CustomerId> customers = new LinkedHashSet<>();
        changes.forEach(change -> customers.add(change.customer()));
        repository.lockCustomers(tenant, customers);
        Collection<CustomerId> roots =
                new LinkedHashSet<>(links.roots(tenant, customers).values());
        Map<CustomerId, Map<Key, Consent>> before = links.inForce(tenant, roots);
        List<ConsentChange> inserted = repository.append(tenant, changes, now).stream()
                .sorted(Comparator.comparing(ConsentChange::occurredAt))
                .toList();
        repository.project(tenant, newestPerSlot(repository.currentOf(tenant, customers), inserted), now);
        announce(tenant, roots, before, links.inForce(tenant, roots));
        return inserted.size();
    }

    /** The inserted changes that move a customer's own current answer: the newest per slot, if newer. */
    private static Collection<ConsentChange> newestPerSlot(Map<Slot, Consent> current, List<ConsentChange> inserted) {
        Map<Slot, ConsentChange> newest = new HashMap<>();
        for (ConsentChange change : inserted) {
            Slot slot = Slot.of(change);
            Instant latest = newest.containsKey(slot)
                    ? newest.get(slot).occurredAt()
                    : current.containsKey(slot) ? current.get(slot).occurredAt() : Instant.MIN;
            if (!change.occurredAt().isBefore(latest)) {
                newest.put(slot, change);
            }
        }
        return newest.values();
    }

    /** Announces every answer in force that changed, for the customer it is in force for. */
    void announce(
            TenantId tenant,
            Collection<CustomerId> customers,
            Map<CustomerId, Map<Key, Consent>> before,
            Map<CustomerId, Map<Key, Consent>> after) {
        for (CustomerId customer : customers) {
            ConsentDiff.changes(
                            tenant,
                            customer,
                            before.getOrDefault(customer, Map.of()),
                            after.getOrDefault(customer, Map.of()))
                    .forEach(publisher::publishEvent);
        }
    }

    /** Where one current answer lives: a customer's purpose on a channel. */
    record Slot(CustomerId customer, Purpose purpose, Channel channel) {
        static Slot of(ConsentChange change) {
            return new Slot(change.customer(), change.purpose(), change.channel());
        }
    }
}
