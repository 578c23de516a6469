package io.hearth.loyalty.internal;

import io.hearth.loyalty.Idempotency;
import io.hearth.loyalty.LedgerTransaction;
import io.hearth.loyalty.LedgerTransaction.Account;
import io.hearth.loyalty.LedgerTransaction.Entry;
import io.hearth.loyalty.LedgerTransaction.Kind;
import io.hearth.loyalty.PointsExpiring;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Expires lots whose time came, one ledger transaction per lot (keyed by the lot, so a second run
 * or a second node writes nothing), and reminds members once per lot before it expires.
 */
@Component
class Expiry {

    private final Postings postings;
    private final LotStore lots;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher publisher;
    private final Duration reminder;

    Expiry(
            Postings postings,
            LotStore lots,
            TransactionTemplate transactions,
            ApplicationEventPublisher publisher,
            LoyaltySettings settings) {
        this.postings = postings;
        this.lots = lots;
        this.transactions = transactions;
        this.publisher = publisher;
        this.reminder = settings.expiryReminder();
    }

    /** Expires and reminds for one member as of {@code now}; answers the points expired. */
    long run(TenantId tenant, CustomerId customer, Instant now) {
        remind(tenant, customer, now);
        List<Lot> due = TenantContext.call(tenant, () -> lots.expiringBefore(tenant, customer, now));
        long expired = 0;
        for (Lot lot : due) {
            Idempotency key = new Idempotency("expire:" + lot.lotId, "expire");
            expired += postings.post(
                            tenant, customer, key, (account, id, at) -> expire(tenant, account, id, lot.lotId, now))
                    .transaction()
                    .points();
        }
        return expired;
    }

    // Read again under the account lock: a redemption may have spent the lot since the scan.
    private LedgerTransaction expire(TenantId tenant, MemberAccount account, UUID id, UUID lotId, Instant now) {
        Lot lot = lots.expiringBefore(tenant, account.customer, now).stream()
                .filter(candidate -> candidate.lotId.equals(lotId))
                .findFirst()
                .orElse(null);
        long points = lot == null ? 0 : lot.remaining;
        if (lot != null) {
            lot.expired += points;
            lot.remaining = 0;
            lots.update(tenant, lot);
        }
        List<Entry> entries = points == 0
                ? List.of()
                : List.of(new Entry(Account.MEMBER_AVAILABLE, -points), new Entry(Account.PROGRAM_EXPIRED, points));
        return new LedgerTransaction(
                id,
                account.customer,
                Kind.EXPIRE,
                points,
                null,
                lotId.toString(),
                null,
                "lot expired",
                null,
                0,
                null,
                now,
                entries);
    }

    private void remind(TenantId tenant, CustomerId customer, Instant now) {
        TenantContext.run(
                tenant,
                () -> transactions.executeWithoutResult(status -> {
                    List<Lot> soon = lots.remind(tenant, customer, now.plus(reminder), now);
                    if (!soon.isEmpty()) {
                        publisher.publishEvent(new PointsExpiring(
                                tenant,
                                customer,
                                soon.stream().mapToLong(lot -> lot.remaining).sum(),
                                soon.stream()
                                        .map(lot -> Objects.requireNonNull(lot.expiresAt))
                                        .min(Comparator.naturalOrder())
                                        .orElseThrow()));
                    }
                }));
    }
}
