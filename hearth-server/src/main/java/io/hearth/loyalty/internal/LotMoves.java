package io.hearth.loyalty.internal;

import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The two ways available points move between lots: spending takes from the first lots to expire,
 * crediting makes a new available lot after settling any open shortfall. Keeps the invariant
 * {@code available = sum(remaining of available lots) − shortfall}.
 */
@Component
class LotMoves {

    private final LotStore lots;
    private final Duration lifetime;

    LotMoves(LotStore lots, LoyaltySettings settings) {
        this.lots = lots;
        this.lifetime = settings.pointsLifetime();
    }

    /** Takes up to {@code points} from the member's lots, first to expire first; answers what it took. */
    long spend(TenantId tenant, CustomerId customer, long points) {
        long left = points;
        for (Lot lot : lots.spendable(tenant, customer)) {
            if (left == 0) {
                break;
            }
            long take = Math.min(left, lot.remaining);
            lot.remaining -= take;
            left -= take;
            lots.update(tenant, lot);
        }
        return points - left;
    }

    /** Takes points back: from the lots while they last, the rest becomes the account's shortfall. */
    long takeBack(TenantId tenant, MemberAccount account, long points) {
        long missing = points - spend(tenant, account.customer, points);
        account.shortfall += missing;
        return missing;
    }

    /** A new available lot of {@code points}, less what settles an open shortfall. */
    void credit(
            TenantId tenant,
            MemberAccount account,
            UUID transactionId,
            @Nullable String lineId,
            long points,
            Instant now) {
        Lot lot = new Lot(
                UUID.randomUUID(), account.customer, transactionId, null, lineId, null, points, now, Lot.State.PENDING);
        release(account, lot, now);
        lots.insert(tenant, lot);
    }

    /** Makes a pending lot available from now for the points lifetime, settling the shortfall first. */
    void release(MemberAccount account, Lot lot, Instant now) {
        lot.release(now, now.plus(lifetime), account.settleShortfall(lot.points));
    }
}
