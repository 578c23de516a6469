package io.hearth.loyalty;

import io.hearth.loyalty.EarnRules.BonusAction;
import io.hearth.loyalty.internal.BadgeProgress;
import io.hearth.loyalty.internal.Challenges;
import io.hearth.loyalty.internal.EngagementStats;
import io.hearth.loyalty.internal.Fairness;
import io.hearth.loyalty.internal.Maintenance;
import io.hearth.loyalty.internal.Members;
import io.hearth.loyalty.internal.OfferChoices;
import io.hearth.loyalty.internal.Offers;
import io.hearth.loyalty.internal.PointsLedger;
import io.hearth.loyalty.internal.Program;
import io.hearth.loyalty.internal.Vouchers;
import io.hearth.profiles.OrderStatusChanged;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The loyalty facade. Every write is one ledger transaction, written once per {@link Idempotency}:
 * the same key and request hash answer the first result, another hash is refused with {@link
 * LoyaltyProblem#IDEMPOTENCY_CONFLICT}. Writes of one member are serialized; the balance projection
 * changes in the same database transaction as the entries. Every method enters the given tenant.
 */
@Service
public class LoyaltyManagement {

    private final PointsLedger ledger;
    private final Members members;
    private final Program program;
    private final Offers offers;
    private final Maintenance maintenance;
    private final Vouchers vouchers;
    private final Challenges challenges;
    private final OfferChoices offerChoices;
    private final Fairness fairness;
    private final BadgeProgress badgeProgress;
    private final EngagementStats engagement;

    LoyaltyManagement(
            PointsLedger ledger,
            Members members,
            Program program,
            Offers offers,
            Maintenance maintenance,
            Vouchers vouchers,
            Challenges challenges,
            OfferChoices offerChoices,
            Fairness fairness,
            BadgeProgress badgeProgress,
            EngagementStats engagement) {
        this.engagement = engagement;
        this.fairness = fairness;
        this.badgeProgress = badgeProgress;
        this.ledger = ledger;
        this.members = members;
        this.program = program;
        this.offers = offers;
        this.maintenance = maintenance;
        this.vouchers = vouchers;
        this.challenges = challenges;
        this.offerChoices = offerChoices;
    }

    /**
     * Chooses the offer type to present to the member with the offer bandit, within the arms'
     * budgets, records it and logs the decision. A discount or free shipping comes with a personal
     * voucher.
     *
     * @throws io.hearth.shared.HearthProblem {@link LoyaltyProblem#UNKNOWN_MEMBER}, {@link LoyaltyProblem#NO_OFFER}
     */
    public OfferChoice chooseOffer(TenantId tenant, CustomerId customer) {
        return offerChoices.choose(tenant, customer);
    }

    /**
     * Offers and challenges per group of members since the time, with disparate-impact ratios: by tier
     * when {@code groups} is null, otherwise by the group given for each customer id (a protected
     * attribute the caller holds; Hearth does not store it).
     */
    public FairnessReport fairnessReport(TenantId tenant, Instant since, @Nullable Map<String, String> groups) {
        return fairness.report(tenant, since, groups);
    }

    /**
     * The member's response to an offer (1 converted, 0 declined); only the first counts.
     *
     * @return whether this response was recorded (false when one was known already)
     * @throws io.hearth.shared.HearthProblem {@link LoyaltyProblem#UNKNOWN_OFFER}
     */
    public boolean respondToOffer(TenantId tenant, UUID offerId, double reward) {
        return offerChoices.respond(tenant, offerId, reward);
    }

    /**
     * Issues a personal voucher: only this customer may redeem it, once, until {@code expiresAt} (null
     * for no expiry). The code is derived from {@code key}, so issuing again under the same key (a
     * retried journey step) answers the same voucher instead of a second one.
     *
     * @param value percent off (PERCENT, 0–100), money off (AMOUNT) or ignored (FREE_SHIPPING)
     * @throws io.hearth.shared.HearthProblem {@link LoyaltyProblem#IDEMPOTENCY_CONFLICT} when the key
     *     issued a voucher to another customer
     */
    public Voucher issueVoucher(
            TenantId tenant,
            CustomerId customer,
            Voucher.Kind kind,
            BigDecimal value,
            @Nullable Instant expiresAt,
            String key) {
        return vouchers.issue(tenant, customer, kind, value, expiresAt, key);
    }

    public Optional<Voucher> voucher(TenantId tenant, String code) {
        return vouchers.voucher(tenant, code);
    }

    /**
     * Whether the voucher applies to the customer's basket now; reads only.
     *
     * @throws io.hearth.shared.HearthProblem {@link LoyaltyProblem#UNKNOWN_VOUCHER}
     */
    public Voucher.Validation validateVoucher(
            TenantId tenant, String code, CustomerId customer, Voucher.Basket basket) {
        return vouchers.validate(tenant, code, customer, basket);
    }

    /**
     * Redeems the voucher on the order, once per order.
     *
     * @throws io.hearth.shared.HearthProblem {@link LoyaltyProblem#UNKNOWN_VOUCHER}, {@link
     *     LoyaltyProblem#VOUCHER_REFUSED} naming every rule that failed
     */
    public Voucher.Validation redeemVoucher(
            TenantId tenant, String code, CustomerId customer, String orderId, Voucher.Basket basket) {
        return vouchers.redeem(tenant, code, customer, orderId, basket);
    }

    /** Every offer type (arm) in its order with its offers, responses and mean reward so far; reads only. */
    public List<OfferArmStats> offerArmStats(TenantId tenant) {
        return engagement.offerArms(tenant);
    }

    /** Every challenge with its targets set and completions this month (UTC); reads only. */
    public List<ChallengeStanding> challengeStandings(TenantId tenant) {
        return engagement.challenges(tenant);
    }

    /** Every badge with how many members earned it and the points it paid; reads only. */
    public List<BadgeStanding> badgeStandings(TenantId tenant) {
        return engagement.badges(tenant);
    }

    /** The member's standing on every active badge, with when each was earned; reads only. */
    public List<Badge.Progress> badges(TenantId tenant, CustomerId customer) {
        return badgeProgress.of(tenant, customer);
    }

    /** The member's challenges this month with their personal targets, progress and chance of completing. */
    public List<ChallengeProgress> challengeProgress(TenantId tenant, CustomerId customer) {
        return challenges.progress(tenant, customer, false);
    }

    /**
     * Earns pending points on an order's lines by the rules in force; they become available when the
     * order's return window closes. Publishes {@link PointsEarned}. Then awards any active challenge
     * the member reached (a challenge's award is keyed by month, so a replay awards nothing twice).
     *
     * @param placedAt when the order was placed (the calendar month of the cap, the tier window); null is now
     * @throws io.hearth.shared.HearthProblem {@link LoyaltyProblem#ORDER_ALREADY_EARNED} for an order
     *     that earned before under another key
     */
    public LedgerTransaction earnOrder(
            TenantId tenant,
            CustomerId customer,
            String orderId,
            List<OrderLine> lines,
            @Nullable Instant placedAt,
            Idempotency idempotency) {
        LedgerTransaction earned = ledger.earn(tenant, customer, orderId, lines, placedAt, idempotency);
        challenges.advance(tenant, customer);
        return earned;
    }

    /** Earns on a paid order's total, as one line, unless the order earned already (through the API). */
    public LedgerTransaction earnOnOrderEvent(OrderStatusChanged paid) {
        BigDecimal total = paid.total() == null ? BigDecimal.ZERO : paid.total();
        List<OrderLine> lines = List.of(new OrderLine("order", null, null, total));
        return ledger.earn(
                paid.tenantId(),
                paid.customerId(),
                paid.orderId(),
                lines,
                paid.at(),
                new Idempotency("order-event:" + paid.orderId(), "order-event"));
    }

    /**
     * Makes the order's pending points available (its return window closed). Idempotent per order.
     *
     * @throws io.hearth.shared.HearthProblem {@link LoyaltyProblem#UNKNOWN_ORDER}
     */
    public LedgerTransaction releaseOrder(TenantId tenant, String orderId) {
        return ledger.release(tenant, orderId);
    }

    /**
     * Takes back exactly the points of the refunded lines, or of every line not yet refunded when
     * {@code lineIds} is empty. Points already spent leave a shortfall that later points settle.
     *
     * @throws io.hearth.shared.HearthProblem {@link LoyaltyProblem#UNKNOWN_ORDER}, {@link
     *     LoyaltyProblem#NOTHING_TO_REFUND}
     */
    public LedgerTransaction refundOrder(
            TenantId tenant, String orderId, List<String> lineIds, Idempotency idempotency) {
        return ledger.refund(tenant, orderId, lineIds, idempotency);
    }

    /** The whole order was refunded or cancelled: takes back whatever it still holds. */
    public LedgerTransaction refundOrderEvent(TenantId tenant, String orderId) {
        return ledger.refund(tenant, orderId, List.of(), new Idempotency("refund-event:" + orderId, "refund-event"));
    }

    /**
     * Awards the rules' bonus for an action, once per reference (the review, the referral, the year).
     * Publishes {@link PointsEarned}.
     */
    public LedgerTransaction awardBonus(
            TenantId tenant, CustomerId customer, BonusAction action, String reference, Idempotency idempotency) {
        LedgerTransaction awarded = ledger.bonus(tenant, customer, action, reference, idempotency);
        if (action == BonusAction.REVIEW_WRITTEN) {
            challenges.advance(tenant, customer);
        }
        return awarded;
    }

    /**
     * Spends points on a reward, from the lots that expire first.
     *
     * @throws io.hearth.shared.HearthProblem {@link LoyaltyProblem#UNKNOWN_REWARD}, {@link
     *     LoyaltyProblem#REWARD_NOT_ELIGIBLE}, {@link LoyaltyProblem#INSUFFICIENT_POINTS}
     */
    public LedgerTransaction redeem(
            TenantId tenant, CustomerId customer, String rewardId, String actor, Idempotency idempotency) {
        return ledger.redeem(tenant, customer, rewardId, actor, idempotency);
    }

    /**
     * A manual adjustment of available points by a person, with the reason.
     *
     * @throws io.hearth.shared.HearthProblem {@link LoyaltyProblem#INSUFFICIENT_POINTS} when it would overdraw
     */
    public LedgerTransaction adjust(
            TenantId tenant, CustomerId customer, long points, String reason, String actor, Idempotency idempotency) {
        return ledger.adjust(tenant, customer, points, reason, actor, idempotency);
    }

    /**
     * Corrects a bonus, redemption or adjustment with a reversing transaction.
     *
     * @throws io.hearth.shared.HearthProblem {@link LoyaltyProblem#UNKNOWN_TRANSACTION}, {@link
     *     LoyaltyProblem#NOT_REVERSIBLE}, {@link LoyaltyProblem#ALREADY_REVERSED}
     */
    public LedgerTransaction reverse(
            TenantId tenant, UUID transactionId, String reason, String actor, Idempotency idempotency) {
        return ledger.reverse(tenant, transactionId, reason, actor, idempotency);
    }

    /**
     * One ledger transaction with its entries.
     *
     * @throws io.hearth.shared.HearthProblem {@link LoyaltyProblem#UNKNOWN_TRANSACTION}
     */
    public LedgerTransaction transaction(TenantId tenant, UUID transactionId) {
        return members.transaction(tenant, transactionId);
    }

    /** The member's balance; all zero for a customer who never earned. */
    public Balance balance(TenantId tenant, CustomerId customer) {
        return members.balance(tenant, customer);
    }

    /**
     * The member's transactions newest first (by time, then id); with {@code before} and {@code
     * beforeId} (the last of the previous page) the ones after that position.
     */
    public List<LedgerTransaction> history(
            TenantId tenant, CustomerId customer, int limit, @Nullable Instant before, @Nullable UUID beforeId) {
        return members.history(tenant, customer, limit, before, beforeId);
    }

    public TierStatus tierStatus(TenantId tenant, CustomerId customer) {
        return members.tier(tenant, customer);
    }

    public LoyaltyScore loyaltyScore(TenantId tenant, CustomerId customer) {
        return members.score(tenant, customer);
    }

    public List<RewardOffer> rewardsFor(TenantId tenant, CustomerId customer) {
        return offers.offers(tenant, customer);
    }

    public RulesVersion earnRules(TenantId tenant) {
        return program.currentRules(tenant);
    }

    public Optional<RulesVersion> earnRules(TenantId tenant, int version) {
        return program.rulesVersion(tenant, version);
    }

    public List<RulesVersion> earnRulesVersions(TenantId tenant) {
        return program.rulesVersions(tenant);
    }

    /**
     * Saves the rules as a new version; earns from now on use it.
     *
     * @throws io.hearth.shared.HearthProblem {@link LoyaltyProblem#INVALID_RULES} naming each bad field
     */
    public RulesVersion saveEarnRules(TenantId tenant, EarnRules rules, String actor) {
        return program.saveRules(tenant, rules, actor);
    }

    public List<Tier> tiers(TenantId tenant) {
        return program.tiers(tenant);
    }

    /** Replaces the tier ladder; members move on their next movement or at the next maintenance run. */
    public List<Tier> saveTiers(TenantId tenant, List<Tier> tiers) {
        return program.saveTiers(tenant, tiers);
    }

    public List<Reward> rewards(TenantId tenant) {
        return program.rewards(tenant);
    }

    /** Creates or replaces the reward with this id. */
    public Reward saveReward(TenantId tenant, Reward reward) {
        return program.saveReward(tenant, reward);
    }

    /** Points liability, points moved per day over the last {@code days} days, and the tier spread. */
    public ProgramOverview programOverview(TenantId tenant, int days) {
        return maintenance.overview(tenant, days);
    }

    /** Recomputes every balance of the tenant from the entries and reports any difference. */
    public Reconciliation reconcile(TenantId tenant) {
        return maintenance.reconcile(tenant);
    }

    /**
     * Expiry, expiry reminders ({@link PointsExpiring}) and tier downgrades ({@link TierChanged}) as of
     * {@code now}, across tenants; the recurring job calls it with the clock's time.
     *
     * @return the points expired
     */
    public long runMaintenance(Instant now) {
        return maintenance.run(now);
    }

    /** {@link #runMaintenance(Instant)} for one tenant only. */
    public long runMaintenance(TenantId tenant, Instant now) {
        return maintenance.run(tenant, now);
    }
}
