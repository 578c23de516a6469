package io.hearth.loyalty.internal;

import io.hearth.loyalty.LoyaltyProblem;
import io.hearth.loyalty.Voucher;
import io.hearth.loyalty.Voucher.Basket;
import io.hearth.loyalty.Voucher.Validation;
import io.hearth.loyalty.internal.VoucherRules.Use;
import io.hearth.privacy.Decision;
import io.hearth.profiles.ProfileManagement;
import io.hearth.shared.CustomerId;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Vouchers: unique codes made in bulk, checked against a basket at checkout, and redeemed once per
 * order under the voucher's row lock, so no limit is passed however many checkouts race.
 */
@Service
public class Vouchers {

    // No 0/O, 1/I/L: codes are read aloud and typed from paper.
    private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final int CODE_LENGTH = 10;

    private final VoucherStore store;
    private final BudgetStore budgets;
    private final LoyaltyDecisions decisions;
    // The offers issue vouchers, and a redeemed offer voucher is the offer's response.
    private final ObjectProvider<OfferChoices> offers;
    private final ProfileManagement profiles;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Vouchers(
            VoucherStore store,
            ProfileManagement profiles,
            TransactionTemplate transactions,
            LoyaltyDecisions decisions,
            ObjectProvider<OfferChoices> offers,
            BudgetStore budgets,
            Clock clock) {
        this.budgets = budgets;
        this.decisions = decisions;
        this.offers = offers;
        this.store = store;
        this.profiles = profiles;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Makes {@code count} vouchers with fresh unique codes starting with the prefix, all with these rules. */
    /** What codes issued to one customer start with. */
    static final String ISSUED_PREFIX = "HV-";

    public List<String> create(TenantId tenant, String prefix, int count, Voucher rules) {
        List<String> codes = new ArrayList<>();
        TenantContext.run(tenant, () -> {
            while (codes.size() < count) {
                String code = prefix + randomCode();
                if (store.insert(tenant, withCode(rules, code), clock.instant())) {
                    codes.add(code);
                }
            }
        });
        return codes;
    }

    /**
     * A personal voucher for one customer, redeemable once, its code derived from the key: issuing
     * again under the same key answers the same voucher (a journey step that runs twice issues one).
     */
    public Voucher issue(
            TenantId tenant,
            CustomerId customer,
            Voucher.Kind kind,
            BigDecimal value,
            @Nullable Instant expiresAt,
            String key) {
        String code = ISSUED_PREFIX + codeOf(tenant + "\n" + key);
        Voucher voucher =
                new Voucher(code, kind, value, null, List.of(), false, 1, 1, 0, customer.value(), expiresAt, null);
        if (!createCode(tenant, voucher)) {
            Voucher earlier = voucher(tenant, code).orElseThrow();
            if (!customer.value().equals(earlier.customerId())) {
                throw new HearthProblem(
                        LoyaltyProblem.IDEMPOTENCY_CONFLICT, "The key already issued a voucher to another customer");
            }
            return earlier;
        }
        ObjectNode inputs = JsonNodeFactory.instance.objectNode();
        inputs.put("code", code);
        inputs.put("kind", kind.name());
        inputs.put("value", value);
        TenantContext.run(
                tenant,
                () -> decisions.record(
                        tenant,
                        new Decision(
                                customer,
                                "loyalty.voucher-issued",
                                inputs,
                                "vouchers@1",
                                code,
                                "personal " + kind.name().toLowerCase(java.util.Locale.ROOT) + " voucher of " + value
                                        + " issued under key " + key,
                                clock.instant())));
        return voucher;
    }

    private static String codeOf(String seed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            char[] code = new char[CODE_LENGTH];
            for (int i = 0; i < code.length; i++) {
                code[i] = ALPHABET[(digest[i] & 0xff) % ALPHABET.length];
            }
            return new String(code);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Makes one voucher with the given code; false when the code is taken. */
    public boolean createCode(TenantId tenant, Voucher voucher) {
        return TenantContext.call(tenant, () -> store.insert(tenant, voucher, clock.instant()));
    }

    public Optional<Voucher> voucher(TenantId tenant, String code) {
        return TenantContext.call(tenant, () -> store.voucher(tenant, code, false));
    }

    /** Whether the voucher applies to the basket now; reads only. */
    public Validation validate(TenantId tenant, String code, CustomerId customer, Basket basket) {
        boolean firstOrder = firstOrder(tenant, customer);
        return TenantContext.call(tenant, () -> {
            Voucher voucher = store.voucher(tenant, code, false).orElseThrow(() -> unknown(code));
            Validation validation =
                    VoucherRules.validate(voucher, basket, use(tenant, code, customer, firstOrder), clock.instant());
            return withinBudget(tenant, voucher, validation, false);
        });
    }

    /**
     * Redeems the voucher on the order, once: the same order again answers the first redemption.
     *
     * @throws HearthProblem {@link LoyaltyProblem#VOUCHER_REFUSED} naming every rule that failed
     */
    public Validation redeem(TenantId tenant, String code, CustomerId customer, String orderId, Basket basket) {
        boolean firstOrder = firstOrder(tenant, customer);
        return TenantContext.call(
                tenant,
                () -> transactions.execute(status -> {
                    Voucher voucher = store.voucher(tenant, code, true).orElseThrow(() -> unknown(code));
                    Optional<BigDecimal> earlier = store.redemptionOf(tenant, code, orderId);
                    if (earlier.isPresent()) {
                        return new Validation(
                                code, true, earlier.get(), voucher.kind() == Voucher.Kind.FREE_SHIPPING, List.of());
                    }
                    Validation validation = VoucherRules.validate(
                            voucher, basket, use(tenant, code, customer, firstOrder), clock.instant());
                    if (!validation.valid()) {
                        throw new HearthProblem(
                                LoyaltyProblem.VOUCHER_REFUSED,
                                "The voucher does not apply: " + String.join(", ", validation.refusals()));
                    }
                    Validation paid = withinBudget(tenant, voucher, validation, true);
                    if (!paid.valid()) {
                        throw new HearthProblem(
                                LoyaltyProblem.VOUCHER_REFUSED,
                                "The voucher does not apply: budget " + voucher.budgetId() + " is spent");
                    }
                    store.redeem(tenant, code, orderId, customer.value(), paid.discount(), clock.instant());
                    offers.getObject().voucherRedeemed(tenant, code, clock.instant());
                    return paid;
                }));
    }

    /**
     * The validation with its discount paid from the voucher's money budget: all of it, what is left
     * (a partial discount), or nothing (refused as {@code budget}). A draw takes the budget's row lock
     * until the redemption commits, so racing checkouts never pass the total; a check only reads.
     */
    private Validation withinBudget(TenantId tenant, Voucher voucher, Validation validation, boolean draw) {
        if (voucher.budgetId() == null
                || !validation.valid()
                || validation.discount().signum() == 0) {
            return validation;
        }
        Optional<io.hearth.loyalty.Budget> budget = budgets.budget(tenant, voucher.budgetId());
        String currency = budget.map(io.hearth.loyalty.Budget::currency).orElse(null);
        if (currency == null) {
            return refusedForBudget(validation);
        }
        long wanted = Budgets.minorUnits(validation.discount(), currency);
        long paid = draw
                ? budgets.draw(tenant, voucher.budgetId(), currency, wanted)
                : Math.min(wanted, budget.get().total() - budget.get().spent());
        if (paid <= 0) {
            return refusedForBudget(validation);
        }
        return new Validation(
                validation.code(), true, Budgets.major(paid, currency), validation.freeShipping(), List.of());
    }

    private static Validation refusedForBudget(Validation validation) {
        return new Validation(validation.code(), false, BigDecimal.ZERO, false, List.of("budget"));
    }

    private Use use(TenantId tenant, String code, CustomerId customer, boolean firstOrder) {
        return new Use(customer.value(), store.redemptionsBy(tenant, code, customer.value()), firstOrder);
    }

    // A customer Hearth has no orders for is at their first order.
    private boolean firstOrder(TenantId tenant, CustomerId customer) {
        return profiles.profile(tenant, customer)
                .map(profile -> profile.computed().ordersCount() == 0)
                .orElse(true);
    }

    private String randomCode() {
        char[] code = new char[CODE_LENGTH];
        for (int i = 0; i < code.length; i++) {
            code[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }

    private static Voucher withCode(Voucher rules, String code) {
        return new Voucher(
                code,
                rules.kind(),
                rules.value(),
                rules.minBasket(),
                rules.categories(),
                rules.firstOrderOnly(),
                rules.perCustomerLimit(),
                rules.redemptionLimit(),
                0,
                rules.customerId(),
                rules.expiresAt(),
                rules.budgetId());
    }

    private static HearthProblem unknown(String code) {
        return new HearthProblem(LoyaltyProblem.UNKNOWN_VOUCHER, "No voucher has this code");
    }
}
