package io.hearth.loyalty.internal;

import io.hearth.loyalty.LoyaltyProblem;
import io.hearth.loyalty.Voucher;
import io.hearth.loyalty.Voucher.Basket;
import io.hearth.loyalty.Voucher.Validation;
import io.hearth.shared.CustomerId;
import io.hearth.shared.FieldError;
import io.hearth.shared.HearthProblem;
import io.hearth.tenancy.Principal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Vouchers: make codes, validate one against a basket at checkout, redeem it on an order. */
@RestController
@Tag(name = "Loyalty vouchers", description = "Unique voucher codes with rules, limits and expiry")
class VoucherController {

    private final Vouchers vouchers;
    private final Budgets budgets;

    VoucherController(Vouchers vouchers, Budgets budgets) {
        this.vouchers = vouchers;
        this.budgets = budgets;
    }

    /** Either one {@code code}, or {@code count} fresh codes starting with {@code prefix}. */
    record VoucherRequest(
            @Nullable String code,
            @Nullable String prefix,
            @Nullable Integer count,
            Voucher.@Nullable Kind kind,
            @Nullable BigDecimal value,
            @Nullable BigDecimal minBasket,
            @Nullable List<String> categories,
            @Nullable Boolean firstOrderOnly,
            @Nullable Integer perCustomerLimit,
            @Nullable Integer redemptionLimit,
            @Nullable String customerId,
            @Nullable Instant expiresAt,
            @Nullable String budgetId) {

        Voucher rules(String code) {
            List<String> lowered = categories == null
                    ? List.of()
                    : categories.stream()
                            .map(category -> category.toLowerCase(Locale.ROOT))
                            .toList();
            return new Voucher(
                    code,
                    kind,
                    value,
                    minBasket,
                    lowered,
                    Boolean.TRUE.equals(firstOrderOnly),
                    perCustomerLimit,
                    redemptionLimit,
                    0,
                    customerId,
                    expiresAt,
                    budgetId);
        }

        void check() {
            List<FieldError> errors = new ArrayList<>();
            LoyaltyRequests.required(errors, "/kind", kind);
            LoyaltyRequests.required(errors, "/value", value);
            if (value != null
                    && (value.signum() < 0
                            || (kind == Voucher.Kind.PERCENT && value.compareTo(BigDecimal.valueOf(100)) > 0))) {
                errors.add(new FieldError("/value", "must be 0 to 100 for a percent, not negative otherwise"));
            }
            if (code == null && (count == null || count < 1 || count > 10_000)) {
                errors.add(new FieldError("/count", "must be 1 to 10000 when no code is given"));
            }
            if (code != null && (code.length() < 4 || code.length() > 64)) {
                errors.add(new FieldError("/code", "must have 4 to 64 characters"));
            }
            if (prefix != null && prefix.length() > 20) {
                errors.add(new FieldError("/prefix", "must have at most 20 characters"));
            }
            if (budgetId != null && kind == Voucher.Kind.FREE_SHIPPING) {
                errors.add(new FieldError("/budgetId", "a free-shipping voucher has no amount to draw from a budget"));
            }
            positive(errors, "/perCustomerLimit", perCustomerLimit);
            positive(errors, "/redemptionLimit", redemptionLimit);
            LoyaltyRequests.refuseIfAny(errors, "The voucher is not valid");
        }

        private static void positive(List<FieldError> errors, String pointer, @Nullable Integer value) {
            if (value != null && value < 1) {
                errors.add(new FieldError(pointer, "must be positive"));
            }
        }
    }

    @PostMapping(path = "/v1/loyalty/vouchers", produces = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Make one voucher with a code, or many with fresh unique codes (admin)")
    Map<String, List<String>> create(@AuthenticationPrincipal Principal caller, @RequestBody VoucherRequest request) {
        request.check();
        if (request.budgetId() != null
                && !budgets.budget(caller.tenantId(), request.budgetId())
                        .map(io.hearth.loyalty.Budget::inMoney)
                        .orElse(false)) {
            LoyaltyRequests.refuseIfAny(
                    List.of(new FieldError("/budgetId", "must name a budget in money (one with a currency)")),
                    "The voucher is not valid");
        }
        if (request.code() != null) {
            if (!vouchers.createCode(caller.tenantId(), request.rules(request.code()))) {
                throw new HearthProblem(LoyaltyProblem.VOUCHER_CODE_TAKEN, "The code " + request.code() + " is taken");
            }
            return Map.of("codes", List.of(request.code()));
        }
        String prefix = request.prefix() == null ? "" : request.prefix();
        return Map.of(
                "codes", vouchers.create(caller.tenantId(), prefix, request.count(), request.rules(prefix + "XXXX")));
    }

    @GetMapping(path = "/v1/loyalty/vouchers/{code}", produces = "application/json")
    @Operation(summary = "One voucher with its rules and how often it was redeemed")
    Voucher voucher(@AuthenticationPrincipal Principal caller, @PathVariable String code) {
        return vouchers.voucher(caller.tenantId(), code)
                .orElseThrow(() -> new HearthProblem(LoyaltyProblem.UNKNOWN_VOUCHER, "No voucher has this code"));
    }

    /** A checkout: who, which order (for a redemption) and the basket. */
    record CheckoutRequest(
            @Nullable String customerId,
            @Nullable String orderId,
            @Nullable BigDecimal total,
            @Nullable List<String> categories) {

        void check(boolean redemption) {
            List<FieldError> errors = new ArrayList<>();
            LoyaltyRequests.required(errors, "/customerId", customerId);
            LoyaltyRequests.required(errors, "/total", total);
            if (redemption) {
                LoyaltyRequests.required(errors, "/orderId", orderId);
            }
            LoyaltyRequests.refuseIfAny(errors, "The checkout is not valid");
        }

        Basket basket() {
            return new Basket(total, categories == null ? List.of() : categories);
        }
    }

    @PostMapping(path = "/v1/loyalty/vouchers/{code}/validation", produces = "application/json")
    @Operation(summary = "Whether the voucher applies to a basket, the discount, and every rule that fails")
    Validation validate(
            @AuthenticationPrincipal Principal caller,
            @PathVariable String code,
            @RequestBody CheckoutRequest request) {
        request.check(false);
        return vouchers.validate(caller.tenantId(), code, CustomerId.of(request.customerId()), request.basket());
    }

    @PostMapping(path = "/v1/loyalty/vouchers/{code}/redemptions", produces = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Redeem the voucher on an order, once per order")
    Validation redeem(
            @AuthenticationPrincipal Principal caller,
            @PathVariable String code,
            @RequestBody CheckoutRequest request) {
        request.check(true);
        return vouchers.redeem(
                caller.tenantId(), code, CustomerId.of(request.customerId()), request.orderId(), request.basket());
    }
}
