package io.hearth.ml.clv;

/** A fitted model of how many transactions customers make and whether they are still active. */
public interface PurchaseModel {

    /** Expected transactions in the first {@code t} periods of a randomly chosen new customer, E[X(t)]. */
    double expectedPurchases(double t);

    /** Expected transactions in the next {@code t} periods for a customer with this history, E[Y(t) | x, t_x, T]. */
    double conditionalExpectedPurchases(double t, SufficientStatistics customer);

    /** Probability that a customer with this history has not yet churned. */
    double probabilityAlive(SufficientStatistics customer);
}
