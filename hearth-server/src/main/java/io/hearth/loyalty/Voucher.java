package io.hearth.loyalty;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A voucher code and its rules.
 *
 * @param value percent off (PERCENT), money off (AMOUNT) or ignored (FREE_SHIPPING)
 * @param minBasket the smallest basket total it applies to; null for any
 * @param categories the basket must hold one of these categories; empty for any
 * @param perCustomerLimit how often one customer may redeem it; null for no limit
 * @param redemptionLimit how often it may be redeemed in all; null for no limit
 * @param customerId the only customer who may use it; null for anyone
 * @param budgetId the money budget its discounts are drawn from; null for none
 */
public record Voucher(
        String code,
        Kind kind,
        BigDecimal value,
        @Nullable BigDecimal minBasket,
        List<String> categories,
        boolean firstOrderOnly,
        @Nullable Integer perCustomerLimit,
        @Nullable Integer redemptionLimit,
        int redeemed,
        @Nullable String customerId,
        @Nullable Instant expiresAt,
        @Nullable String budgetId) {

    public Voucher {
        requireNonNull(code, "code is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(value, "value is null");
        categories = List.copyOf(categories);
    }

    /** What the voucher takes off. */
    public enum Kind {
        PERCENT,
        AMOUNT,
        FREE_SHIPPING
    }

    /** A basket at checkout, as the shop sends it for validation. */
    public record Basket(BigDecimal total, List<String> categories) {
        public Basket {
            requireNonNull(total, "total is null");
            categories = List.copyOf(categories);
        }
    }

    /**
     * Whether the voucher applies, the discount it gives on the basket, and every reason it does not
     * (each a stable slug: {@code expired}, {@code min-basket}, {@code category}, {@code first-order},
     * {@code customer}, {@code customer-limit}, {@code redemption-limit}, {@code budget}). The
     * discount is what the voucher's money budget can still pay when that is less (a partial discount).
     */
    public record Validation(
            String code, boolean valid, BigDecimal discount, boolean freeShipping, List<String> refusals) {
        public Validation {
            refusals = List.copyOf(refusals);
        }
    }
}
