package io.hearth.loyalty.internal;

import io.hearth.loyalty.LoyaltyProblem;
import io.hearth.loyalty.LoyaltyScore;
import io.hearth.loyalty.OfferArm;
import io.hearth.loyalty.OfferChoice;
import io.hearth.loyalty.Voucher;
import io.hearth.loyalty.internal.OfferStore.Observation;
import io.hearth.ml.bandit.OfferBandit;
import io.hearth.privacy.Decision;
import io.hearth.shared.CustomerId;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Chooses which offer type to present to a member with the offer bandit (linear Thompson sampling
 * over the member's loyalty-score components) and learns from the responses. A choice locks the
 * tenant's arms, so budgets are never passed under concurrency; it is logged in the decision log with
 * the draws. A discount or free shipping comes as a personal voucher, whose redemption is the
 * response; other responses are reported through the API. An offer without a response within
 * {@link #RESPONSE_WINDOW} counts as none. Each tenant's model lives in memory, built from the stored
 * offers at most every {@link #REBUILD}, and learns each response of this node at once.
 */
@Service
public class OfferChoices {

    static final Duration RESPONSE_WINDOW = Duration.ofDays(14);
    static final Duration REBUILD = Duration.ofMinutes(10);
    static final String MODEL = "offer-bandit@lin-ts-1";
    private static final int FEATURES = 6;

    private final OfferStore store;
    private final Members members;
    private final Vouchers vouchers;
    private final LoyaltyDecisions decisions;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Map<TenantId, Model> models = new ConcurrentHashMap<>();
    private final SplittableRandom seeds = new SplittableRandom();

    OfferChoices(
            OfferStore store,
            Members members,
            Vouchers vouchers,
            LoyaltyDecisions decisions,
            TransactionTemplate transactions,
            Clock clock) {
        this.store = store;
        this.members = members;
        this.vouchers = vouchers;
        this.decisions = decisions;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A tenant's bandit over its arms as they were when it was built. */
    private record Model(OfferBandit bandit, List<String> arms, Instant builtAt) {}

    public List<OfferArm> arms(TenantId tenant) {
        return TenantContext.call(tenant, () -> store.arms(tenant));
    }

    public List<OfferArm> saveArms(TenantId tenant, List<OfferArm> arms) {
        TenantContext.run(tenant, () -> transactions.executeWithoutResult(status -> store.saveArms(tenant, arms)));
        models.remove(tenant);
        return arms(tenant);
    }

    /**
     * Chooses, records and logs an offer for the member.
     *
     * @throws HearthProblem {@link LoyaltyProblem#UNKNOWN_MEMBER}, {@link LoyaltyProblem#NO_OFFER} when no arm
     *     is set up or within budget
     */
    public OfferChoice choose(TenantId tenant, CustomerId customer) {
        members.requireKnown(tenant, customer);
        double[] context = features(members.score(tenant, customer));
        return TenantContext.call(
                tenant,
                () -> transactions.execute(status -> {
                    Instant now = clock.instant();
                    List<OfferArm> arms = store.lockArms(tenant);
                    if (arms.isEmpty()) {
                        throw new HearthProblem(LoyaltyProblem.NO_OFFER, "The program has no offer types set up");
                    }
                    Model model = model(tenant, arms, now);
                    Optional<OfferBandit.Choice> drawn;
                    synchronized (model) {
                        drawn = model.bandit().choose(context, new SplittableRandom(nextSeed()), budgetsLeft(arms));
                    }
                    OfferBandit.Choice choice = drawn.orElseThrow(
                            () -> new HearthProblem(LoyaltyProblem.NO_OFFER, "Every offer type has spent its budget"));
                    OfferArm arm = arms.get(choice.arm());
                    UUID offerId = UUID.randomUUID();
                    String voucher = voucherFor(tenant, customer, arm, offerId, now);
                    store.spend(tenant, arm.name(), arm.cost());
                    store.insert(tenant, offerId, customer.value(), arm, context, voucher, now);
                    double expected;
                    synchronized (model) {
                        expected = model.bandit().expected(choice.arm(), context);
                    }
                    decisions.record(tenant, decision(customer, offerId, context, arms, choice, now));
                    return new OfferChoice(
                            offerId,
                            customer.value(),
                            arm.name(),
                            arm.kind(),
                            arm.value(),
                            voucher,
                            expected,
                            choice.reason(),
                            now);
                }));
    }

    /**
     * The member's response to an offer: 1 for a conversion, 0 for a decline, or a value between.
     * Only the first response counts.
     *
     * @throws HearthProblem {@link LoyaltyProblem#UNKNOWN_OFFER}
     */
    public boolean respond(TenantId tenant, UUID offerId, double reward) {
        Optional<Observation> observed = TenantContext.call(tenant, () -> {
            Optional<Observation> first = store.respond(tenant, offerId, reward, clock.instant());
            if (first.isEmpty() && !store.exists(tenant, offerId)) {
                throw new HearthProblem(LoyaltyProblem.UNKNOWN_OFFER, "No such offer");
            }
            return first;
        });
        observed.ifPresent(observation -> learn(tenant, observation));
        return observed.isPresent();
    }

    /** A voucher was redeemed; when an offer carried it, that is the offer's response. Inside the redemption. */
    void voucherRedeemed(TenantId tenant, String code, Instant at) {
        store.respondByVoucher(tenant, code, at).ifPresent(observation -> learn(tenant, observation));
    }

    private void learn(TenantId tenant, Observation observation) {
        Model model = models.get(tenant);
        if (model == null || !model.arms().contains(observation.arm())) {
            return;
        }
        synchronized (model) {
            model.bandit().update(model.arms().indexOf(observation.arm()), observation.context(), observation.reward());
        }
    }

    private Model model(TenantId tenant, List<OfferArm> arms, Instant now) {
        List<String> names = arms.stream().map(OfferArm::name).toList();
        return models.compute(tenant, (key, cached) -> {
            if (cached != null
                    && cached.arms().equals(names)
                    && cached.builtAt().plus(REBUILD).isAfter(now)) {
                return cached;
            }
            OfferBandit bandit = new OfferBandit(
                    arms.stream()
                            .map(arm ->
                                    new OfferBandit.Arm(arm.name(), arm.cost().doubleValue(), Double.POSITIVE_INFINITY))
                            .toList(),
                    FEATURES,
                    1.0,
                    0.25);
            for (Observation observation : store.observations(tenant, now.minus(RESPONSE_WINDOW))) {
                int arm = names.indexOf(observation.arm());
                if (arm >= 0) {
                    bandit.update(arm, observation.context(), observation.reward());
                }
            }
            return new Model(bandit, names, now);
        });
    }

    private synchronized long nextSeed() {
        return seeds.nextLong();
    }

    private static double[] budgetsLeft(List<OfferArm> arms) {
        return arms.stream()
                .mapToDouble(arm -> arm.budget() == null
                        ? Double.POSITIVE_INFINITY
                        : arm.budget().subtract(arm.spent()).doubleValue())
                .toArray();
    }

    /** An intercept and the five components of the loyalty score, each 0 to 1. */
    static double[] features(LoyaltyScore score) {
        return new double[] {1, score.recency(), score.frequency(), score.spend(), score.engagement(), score.reviews()};
    }

    private String voucherFor(TenantId tenant, CustomerId customer, OfferArm arm, UUID offerId, Instant now) {
        Voucher.Kind kind = switch (arm.kind()) {
            case DISCOUNT -> Voucher.Kind.PERCENT;
            case FREE_SHIPPING -> Voucher.Kind.FREE_SHIPPING;
            case BONUS_POINTS, EXCLUSIVE_ACCESS -> null;
        };
        if (kind == null) {
            return null;
        }
        return vouchers.issue(tenant, customer, kind, arm.value(), now.plus(RESPONSE_WINDOW), "offer:" + offerId)
                .code();
    }

    private static Decision decision(
            CustomerId customer,
            UUID offerId,
            double[] context,
            List<OfferArm> arms,
            OfferBandit.Choice choice,
            Instant now) {
        ObjectNode inputs = JsonNodeFactory.instance.objectNode();
        inputs.put("offerId", offerId.toString());
        var features = inputs.putArray("features");
        for (double feature : context) {
            features.add(feature);
        }
        ObjectNode draws = inputs.putObject("draws");
        for (int i = 0; i < arms.size(); i++) {
            if (!Double.isNaN(choice.draws()[i])) {
                draws.put(arms.get(i).name(), choice.draws()[i]);
            }
        }
        return new Decision(customer, "loyalty.offer-chosen", inputs, MODEL, choice.name(), choice.reason(), now);
    }
}
