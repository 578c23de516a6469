package io.hearth.loyalty;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The offer chosen for a member, and why.
 *
 * @param voucherCode the personal voucher that carries a discount or free shipping; its redemption
 *     is the offer's response
 * @param expected the chosen arm's learned response rate for this member's features
 */
public record OfferChoice(
        UUID offerId,
        String customerId,
        String arm,
        OfferArm.Kind kind,
        BigDecimal value,
        @Nullable String voucherCode,
        double expected,
        String reason,
        Instant chosenAt) {}
