package io.hearth.recommendations.internal;

/**
 * One thing a shopper did with a product, as read from the event log.
 *
 * @param identity {@code u:<userId>} or {@code a:<anonymousId>}
 * @param purchase whether it was bought (else viewed, clicked or added to a cart)
 */
record Signal(
        String identity,
        String productId,
        float weight,
        long epochSecond,
        boolean purchase,
        Device device,
        DayPart dayPart) {}
