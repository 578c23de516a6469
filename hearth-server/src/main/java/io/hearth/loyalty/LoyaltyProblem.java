package io.hearth.loyalty;

import io.hearth.shared.ProblemType;

/** Problems the loyalty module reports. */
public enum LoyaltyProblem implements ProblemType {
    INVALID_REQUEST(400, "invalid-request", "The request is not valid"),
    INVALID_RULES(400, "invalid-rules", "The earn rules are not valid"),
    UNKNOWN_MEMBER(404, "unknown-member", "No such loyalty member"),
    UNKNOWN_ORDER(404, "unknown-order", "No points were earned on this order"),
    UNKNOWN_REWARD(404, "unknown-reward", "No such reward"),
    UNKNOWN_TRANSACTION(404, "unknown-transaction", "No such ledger transaction"),
    UNKNOWN_VOUCHER(404, "unknown-voucher", "No such voucher"),
    UNKNOWN_OFFER(404, "unknown-offer", "No such offer"),
    VOUCHER_CODE_TAKEN(409, "voucher-code-taken", "A voucher with this code exists"),
    IDEMPOTENCY_CONFLICT(409, "idempotency-conflict", "The idempotency key was used with another request"),
    ORDER_ALREADY_EARNED(409, "order-already-earned", "Points were already earned on this order"),
    ALREADY_REVERSED(409, "already-reversed", "The transaction was already reversed"),
    INSUFFICIENT_POINTS(422, "insufficient-points", "Not enough available points"),
    REWARD_NOT_ELIGIBLE(422, "reward-not-eligible", "The member may not redeem this reward"),
    NOTHING_TO_REFUND(422, "nothing-to-refund", "These lines have no points left to take back"),
    NOT_REVERSIBLE(422, "not-reversible", "This kind of transaction is corrected another way"),
    VOUCHER_REFUSED(422, "voucher-refused", "The voucher does not apply"),
    NO_OFFER(422, "no-offer", "No offer type is set up or within its budget");

    private final Spec spec;

    LoyaltyProblem(int status, String slug, String title) {
        this.spec = Spec.of("loyalty", status, slug, title);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
