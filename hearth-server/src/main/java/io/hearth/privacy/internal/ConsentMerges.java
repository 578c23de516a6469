package io.hearth.privacy.internal;

import static java.util.Objects.requireNonNull;

import io.hearth.privacy.Consent;
import io.hearth.privacy.internal.ConsentDiff.Key;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes consents follow profile merges and unmerges, and announces every answer in force that changes
 * by it. Both are idempotent per merge id and commute: an unmerge that arrives before its merge wins.
 */
@Component
public class ConsentMerges {

    private final ConsentRepository repository;
    private final ConsentLinks links;
    private final ConsentLedger ledger;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    ConsentMerges(
            ConsentRepository repository,
            ConsentLinks links,
            ConsentLedger ledger,
            TransactionTemplate transactions,
            Clock clock) {
        this.repository = repository;
        this.links = links;
        this.ledger = ledger;
        // Callers react to a merge after its transaction committed, when joining it would write nothing.
        this.ownTransaction = new TransactionTemplate(requireNonNull(transactions.getTransactionManager()));
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    public void merged(TenantId tenant, UUID mergeId, CustomerId survivor, CustomerId absorbed) {
        inOwnTransaction(tenant, now -> {
            repository.lockCustomers(tenant, List.of(survivor, absorbed));
            CustomerId root = rootOf(tenant, survivor);
            Map<CustomerId, Map<Key, Consent>> before = links.inForce(tenant, List.of(root));
            if (links.link(tenant, mergeId, survivor, absorbed, now)) {
                ledger.announce(tenant, List.of(root), before, links.inForce(tenant, List.of(root)));
            }
        });
    }

    public void unmerged(TenantId tenant, UUID mergeId, CustomerId survivor, CustomerId restored) {
        inOwnTransaction(tenant, now -> {
            repository.lockCustomers(tenant, List.of(survivor, restored));
            CustomerId root = rootOf(tenant, survivor);
            Map<Key, Consent> before = links.inForce(tenant, List.of(root)).getOrDefault(root, Map.of());
            if (links.unlink(tenant, mergeId, survivor, restored, now)) {
                // Until now the restored customer's answers were the survivor's; both sides may change.
                Map<CustomerId, Map<Key, Consent>> after = links.inForce(tenant, List.of(root, restored));
                ledger.announce(tenant, List.of(root, restored), Map.of(root, before, restored, before), after);
            }
        });
    }

    private CustomerId rootOf(TenantId tenant, CustomerId customer) {
        return links.roots(tenant, List.of(customer)).getOrDefault(customer, customer);
    }

    private void inOwnTransaction(TenantId tenant, java.util.function.Consumer<Instant> work) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        TenantContext.run(tenant, () -> ownTransaction.executeWithoutResult(status -> work.accept(now)));
    }
}
