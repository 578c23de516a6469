package io.hearth.loyalty.internal;

import io.hearth.loyalty.Voucher;
import io.hearth.loyalty.Voucher.Basket;
import io.hearth.loyalty.Voucher.Validation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Checks a voucher against a basket and its use so far. Pure: the caller reads the counts. */
final class VoucherRules {

    private VoucherRules() {}

    /** What the voucher has been used for: by this customer, and whether this is their first order. */
    record Use(String customerId, long byCustomer, boolean firstOrder) {}

    static Validation validate(Voucher voucher, Basket basket, Use use, Instant now) {
        List<String> refusals = new ArrayList<>();
        if (voucher.expiresAt() != null && !now.isBefore(voucher.expiresAt())) {
            refusals.add("expired");
        }
        if (voucher.minBasket() != null && basket.total().compareTo(voucher.minBasket()) < 0) {
            refusals.add("min-basket");
        }
        if (!voucher.categories().isEmpty()
                && basket.categories().stream()
                        .map(category -> category.toLowerCase(Locale.ROOT))
                        .noneMatch(voucher.categories()::contains)) {
            refusals.add("category");
        }
        if (voucher.firstOrderOnly() && !use.firstOrder()) {
            refusals.add("first-order");
        }
        if (voucher.customerId() != null && !voucher.customerId().equals(use.customerId())) {
            refusals.add("customer");
        }
        if (voucher.perCustomerLimit() != null && use.byCustomer() >= voucher.perCustomerLimit()) {
            refusals.add("customer-limit");
        }
        if (voucher.redemptionLimit() != null && voucher.redeemed() >= voucher.redemptionLimit()) {
            refusals.add("redemption-limit");
        }
        boolean valid = refusals.isEmpty();
        return new Validation(
                voucher.code(),
                valid,
                valid ? discount(voucher, basket.total()) : BigDecimal.ZERO,
                valid && voucher.kind() == Voucher.Kind.FREE_SHIPPING,
                refusals);
    }

    private static BigDecimal discount(Voucher voucher, BigDecimal total) {
        return switch (voucher.kind()) {
            case PERCENT -> total.multiply(voucher.value()).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
            case AMOUNT -> voucher.value().min(total);
            case FREE_SHIPPING -> BigDecimal.ZERO;
        };
    }
}
