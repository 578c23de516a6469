package io.hearth.journeys.internal;

import io.hearth.loyalty.Voucher;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The {@code offer} of an issue-voucher step: {@code percent:10}, {@code amount:5.00} or
 * {@code free-shipping}. Parsed at publish so a journey with an offer the ledger would refuse is
 * never live.
 */
record VoucherOffer(Voucher.Kind kind, BigDecimal value) {

    static final String FORMS = "must be percent:N (1–100), amount:X (more than 0) or free-shipping";

    static Optional<VoucherOffer> parse(String offer) {
        if (offer.equals("free-shipping")) {
            return Optional.of(new VoucherOffer(Voucher.Kind.FREE_SHIPPING, BigDecimal.ZERO));
        }
        int colon = offer.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        BigDecimal value;
        try {
            value = new BigDecimal(offer.substring(colon + 1));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
        return switch (offer.substring(0, colon)) {
            case "percent" ->
                value.signum() > 0 && value.compareTo(BigDecimal.valueOf(100)) <= 0
                        ? Optional.of(new VoucherOffer(Voucher.Kind.PERCENT, value))
                        : Optional.empty();
            case "amount" ->
                value.signum() > 0 ? Optional.of(new VoucherOffer(Voucher.Kind.AMOUNT, value)) : Optional.empty();
            default -> Optional.empty();
        };
    }
}
