package io.hearth.journeys.internal;

import io.hearth.journeys.LoyaltyPort;
import io.hearth.loyalty.Idempotency;
import io.hearth.loyalty.LoyaltyManagement;
import io.hearth.loyalty.OfferChoice;
import io.hearth.shared.CustomerId;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Award-points and issue-voucher steps through the loyalty facade by the actor {@code journey}. The
 * ledger's idempotency makes a retried step (a crash between the award and the step log) award once,
 * and a named offer is issued under the step's key, so a retry answers the same voucher.
 */
@Component
class LedgerLoyalty implements LoyaltyPort {

    static final String ACTOR = "journey";

    // A journey's voucher is a nudge, not a standing credit: it lapses if the nudge did not work.
    static final Duration VOUCHER_VALIDITY = Duration.ofDays(30);

    private final LoyaltyManagement loyalty;
    private final Clock clock;

    LedgerLoyalty(LoyaltyManagement loyalty, Clock clock) {
        this.loyalty = loyalty;
        this.clock = clock;
    }

    @Override
    public boolean awardPoints(TenantId tenant, CustomerId customer, long points, String reason, String key) {
        // The hash covers what was asked, so a changed step under the same key is refused, not re-applied.
        Idempotency idempotency = new Idempotency("journey:" + key, "award:" + points + ":" + reason);
        loyalty.adjust(tenant, customer, points, reason, ACTOR, idempotency);
        return true;
    }

    @Override
    public Optional<String> issueVoucher(TenantId tenant, CustomerId customer, Optional<String> offer, String key) {
        if (offer.isEmpty()) {
            return chosenByTheBandit(tenant, customer);
        }
        VoucherOffer named = VoucherOffer.parse(offer.get())
                .orElseThrow(() -> new IllegalStateException("offer checked at publish: " + offer.get()));
        return Optional.of(loyalty.issueVoucher(
                        tenant,
                        customer,
                        named.kind(),
                        named.value(),
                        clock.instant().plus(VOUCHER_VALIDITY),
                        "journey:" + key)
                .code());
    }

    // The bandit's choice is not keyed: a crash between the choice and the step log may choose again.
    private Optional<String> chosenByTheBandit(TenantId tenant, CustomerId customer) {
        try {
            OfferChoice choice = loyalty.chooseOffer(tenant, customer);
            return Optional.ofNullable(choice.voucherCode());
        } catch (HearthProblem noOfferOrNoMember) {
            return Optional.empty();
        }
    }
}
