package io.hearth.privacy.internal;

import io.hearth.privacy.Channel;
import io.hearth.privacy.Consent;
import io.hearth.privacy.ConsentChange;
import io.hearth.privacy.ConsentChanged;
import io.hearth.privacy.Purpose;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
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
 */
@Component
public class ConsentLedger {

    private final ConsentRepository repository;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ConsentLedger(
            ConsentRepository repository,
            ApplicationEventPublisher publisher,
            TransactionTemplate transactions,
            Clock clock) {
        this.repository = repository;
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

    public List<Consent> current(TenantId tenant, CustomerId customer) {
        return TenantContext.call(tenant, () -> repository.current(tenant, customer));
    }

    public List<Consent> history(TenantId tenant, CustomerId customer) {
        return TenantContext.call(tenant, () -> repository.history(tenant, customer));
    }

    private int recordInTransaction(TenantId tenant, List<ConsentChange> changes, Instant now) {
        Set<CustomerId> customers = new LinkedHashSet<>();
        changes.forEach(change -> customers.add(change.customer()));
        repository.lockCustomers(tenant, customers);
        Map<Slot, Consent> before = repository.currentOf(tenant, customers);
        List<ConsentChange> inserted = repository.append(tenant, changes, now).stream()
                .sorted(Comparator.comparing(ConsentChange::occurredAt))
                .toList();
        Map<Slot, ConsentChange> after = new HashMap<>();
        for (ConsentChange change : inserted) {
            Slot slot = Slot.of(change);
            Instant latest = after.containsKey(slot)
                    ? after.get(slot).occurredAt()
                    : before.containsKey(slot) ? before.get(slot).occurredAt() : Instant.MIN;
            if (!change.occurredAt().isBefore(latest)) {
                after.put(slot, change);
            }
        }
        repository.project(tenant, after.values(), now);
        for (Map.Entry<Slot, ConsentChange> moved : after.entrySet()) {
            Consent previous = before.get(moved.getKey());
            ConsentChange change = moved.getValue();
            if (previous == null || previous.granted() != change.granted()) {
                publisher.publishEvent(new ConsentChanged(
                        tenant, change.customer(), change.purpose(), change.channel(), change.granted()));
            }
        }
        return inserted.size();
    }

    /** Where one current answer lives: a customer's purpose on a channel. */
    record Slot(CustomerId customer, Purpose purpose, Channel channel) {
        static Slot of(ConsentChange change) {
            return new Slot(change.customer(), change.purpose(), change.channel());
        }
    }
}
