package io.hearth.loyalty.internal;

import io.hearth.loyalty.EarnRules;
import io.hearth.loyalty.EarnRules.BonusAction;
import io.hearth.loyalty.LedgerTransaction;
import io.hearth.loyalty.LedgerTransaction.Account;
import io.hearth.loyalty.LedgerTransaction.Entry;
import io.hearth.loyalty.LedgerTransaction.Kind;
import io.hearth.loyalty.LoyaltyProblem;
import io.hearth.loyalty.OrderLine;
import io.hearth.loyalty.RulesVersion;
import io.hearth.loyalty.internal.EarnCalculator.LinePoints;
import io.hearth.shared.FieldError;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.TenantId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * An order's points: earned pending per line, made available when its return window closes, taken
 * back line by line on a refund. Each method is an operation for {@link Postings}, run under the
 * member's account lock.
 */
@Component
class OrderPoints {

    static final String FIRST_ORDER_LINE = "bonus:first_order";

    private final LotStore lots;
    private final LotMoves moves;
    private final RuleStore rules;

    OrderPoints(LotStore lots, LotMoves moves, RuleStore rules) {
        this.lots = lots;
        this.moves = moves;
        this.rules = rules;
    }

    LedgerTransaction earn(
            TenantId tenant,
            MemberAccount account,
            UUID id,
            String orderId,
            List<OrderLine> lines,
            Instant now,
            Instant placedAt) {
        if (lots.orderEarned(tenant, orderId)) {
            throw new HearthProblem(LoyaltyProblem.ORDER_ALREADY_EARNED, "Order " + orderId + " already earned points");
        }
        RulesVersion versioned = rules.current(tenant);
        EarnRules earnRules = versioned.rules();
        Long capLeft = earnRules.monthlyCap() == null
                ? null
                : earnRules.monthlyCap() - lots.orderPointsSince(tenant, account.customer, monthStart(placedAt));
        List<LinePoints> computed = EarnCalculator.compute(earnRules, lines, capLeft);
        long orderPoints = 0;
        List<Lot> earned = new ArrayList<>();
        for (LinePoints line : computed) {
            if (line.points() > 0) {
                earned.add(pending(
                        account, id, orderId, line.line().lineId(), line.line().category(), line.points(), placedAt));
                orderPoints += line.points();
            }
        }
        long bonus = account.ordersEarned == 0 ? earnRules.bonuses().getOrDefault(BonusAction.FIRST_ORDER, 0L) : 0;
        if (bonus > 0) {
            earned.add(pending(account, id, orderId, FIRST_ORDER_LINE, null, bonus, placedAt));
        }
        lots.insertAll(tenant, earned);
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(Account.MEMBER_PENDING, orderPoints + bonus));
        if (orderPoints > 0) {
            entries.add(new Entry(Account.PROGRAM_ISSUED, -orderPoints));
        }
        if (bonus > 0) {
            entries.add(new Entry(Account.PROGRAM_BONUS, -bonus));
        }
        String reason = computed.stream()
                        .map(line -> line.line().lineId() + ": " + line.points() + " (" + line.why() + ")")
                        .collect(Collectors.joining("; "))
                + (bonus > 0 ? "; first order bonus " + bonus : "");
        return new LedgerTransaction(
                id,
                account.customer,
                Kind.EARN,
                orderPoints + bonus,
                orderId,
                null,
                versioned.version(),
                reason,
                null,
                0,
                null,
                now,
                orderPoints + bonus == 0 ? List.of() : entries);
    }

    private static Lot pending(
            MemberAccount account, UUID id, String orderId, String lineId, String category, long points, Instant at) {
        return new Lot(
                UUID.randomUUID(), account.customer, id, orderId, lineId, category, points, at, Lot.State.PENDING);
    }

    private static Instant monthStart(Instant at) {
        return at.atZone(ZoneOffset.UTC)
                .toLocalDate()
                .withDayOfMonth(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
    }

    /** The order's return window closed: its pending lots become available. */
    LedgerTransaction release(TenantId tenant, MemberAccount account, UUID id, String orderId, Instant now) {
        long points = 0;
        for (Lot lot : lots.ofOrder(tenant, orderId)) {
            if (lot.state == Lot.State.PENDING) {
                moves.release(account, lot, now);
                lots.update(tenant, lot);
                points += lot.points;
            }
        }
        List<Entry> entries = points == 0
                ? List.of()
                : List.of(new Entry(Account.MEMBER_PENDING, -points), new Entry(Account.MEMBER_AVAILABLE, points));
        return new LedgerTransaction(
                id,
                account.customer,
                Kind.RELEASE,
                points,
                orderId,
                null,
                null,
                "return window closed",
                null,
                0,
                null,
                now,
                entries);
    }

    /**
     * Takes back exactly the points of the refunded lines (all lines not yet refunded when {@code
     * lineIds} is empty): pending points simply go; available points come from the line's own lot,
     * then from the member's other lots, and what was already spent becomes a shortfall.
     */
    LedgerTransaction refund(
            TenantId tenant, MemberAccount account, UUID id, String orderId, List<String> lineIds, Instant now) {
        List<Lot> refunded = refundedLots(tenant, orderId, lineIds);
        long pending = 0;
        long available = 0;
        long issued = 0;
        long bonus = 0;
        long shortfall = 0;
        for (Lot lot : refunded) {
            long points = lot.state == Lot.State.PENDING ? lot.points : lot.reversible();
            if (lot.state == Lot.State.PENDING) {
                pending += points;
            } else {
                long fromLot = Math.min(lot.remaining, points);
                lot.remaining -= fromLot;
                lots.update(tenant, lot);
                shortfall += moves.takeBack(tenant, account, points - fromLot);
                available += points;
            }
            lot.state = Lot.State.REVERSED;
            lot.remaining = 0;
            lots.update(tenant, lot);
            if (lot.isBonus()) {
                bonus += points;
            } else {
                issued += points;
            }
        }
        List<Entry> entries = new ArrayList<>();
        addIfNotZero(entries, Account.MEMBER_PENDING, -pending);
        addIfNotZero(entries, Account.MEMBER_AVAILABLE, -available);
        addIfNotZero(entries, Account.PROGRAM_ISSUED, issued);
        addIfNotZero(entries, Account.PROGRAM_BONUS, bonus);
        String lines = refunded.stream().map(lot -> lot.lineId).collect(Collectors.joining(","));
        return new LedgerTransaction(
                id,
                account.customer,
                Kind.REFUND,
                pending + available,
                orderId,
                lines,
                null,
                "refund of " + lines,
                null,
                shortfall,
                null,
                now,
                entries);
    }

    private List<Lot> refundedLots(TenantId tenant, String orderId, List<String> lineIds) {
        List<Lot> open = lots.ofOrder(tenant, orderId);
        List<FieldError> unknown = new ArrayList<>();
        for (int i = 0; i < lineIds.size(); i++) {
            String lineId = lineIds.get(i);
            if (open.stream().noneMatch(lot -> lineId.equals(lot.lineId))) {
                unknown.add(new FieldError("/lineIds/" + i, "has no points left to take back"));
            }
        }
        List<Lot> refunded = lineIds.isEmpty()
                ? open
                : open.stream().filter(lot -> lineIds.contains(lot.lineId)).toList();
        if (!unknown.isEmpty() || refunded.isEmpty()) {
            throw new HearthProblem(
                    LoyaltyProblem.NOTHING_TO_REFUND, "Order " + orderId + " has no such points to take back", unknown);
        }
        // Refunding the last lines of the first order takes its first-order bonus back with them.
        return refunded.size() == open.size() ? refunded : withBonusIfLast(open, refunded);
    }

    private static List<Lot> withBonusIfLast(List<Lot> open, List<Lot> refunded) {
        boolean lastLines = open.stream().filter(lot -> !lot.isBonus()).allMatch(refunded::contains);
        if (!lastLines) {
            return refunded;
        }
        List<Lot> withBonus = new ArrayList<>(refunded);
        open.stream().filter(Lot::isBonus).forEach(withBonus::add);
        return withBonus;
    }

    static void addIfNotZero(List<Entry> entries, Account account, long amount) {
        if (amount != 0) {
            entries.add(new Entry(account, amount));
        }
    }
}
