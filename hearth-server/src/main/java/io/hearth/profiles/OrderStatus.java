package io.hearth.profiles;

/** Where an order is in its life; loyalty and journeys key off the transitions. */
public enum OrderStatus {
    PLACED,
    PAID,
    FULFILLED,
    DELIVERED,
    /** The return window passed without a refund: points pending on the order may become available. */
    RETURN_WINDOW_CLOSED,
    REFUNDED,
    CANCELLED
}
