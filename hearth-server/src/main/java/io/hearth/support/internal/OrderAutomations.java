package io.hearth.support.internal;

import io.hearth.profiles.CustomerOrder;
import io.hearth.profiles.OrderStatus;
import io.hearth.profiles.Shipment;
import io.hearth.support.SupportPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Answers about the customer's own orders, from the orders profiles keeps: status, cancelling before
 * fulfilment, returns within the policy's window and exclusions, refund status. Pure decisions over
 * the orders handed in; the caller stores requested actions.
 */
@Component
class OrderAutomations {

    private final Clock clock;

    OrderAutomations(Clock clock) {
        this.clock = clock;
    }

    Outcome status(List<CustomerOrder> orders, Reading reading) {
        return pick(orders, reading, "order_status")
                .map(order -> order.map(o -> Outcome.answered(
                        "order_status", "Order " + o.orderId() + " " + describe(o) + "." + tracking(o), o.orderId())))
                .orElseGet(() -> noOrders("order_status"))
                .fold();
    }

    /**
     * For an order she names, or her newest order on its way: where it is and when it should arrive.
     * Otherwise the shop's delivery times; null when the shop wrote none, so the knowledge base answers.
     */
    @Nullable
    Outcome deliveryPeriod(List<CustomerOrder> orders, Reading reading, SupportPolicy policy) {
        String usual = policy.deliveryTimes() == null ? "" : "Delivery usually takes " + policy.deliveryTimes() + ".";
        if (!reading.orderNumbers().isEmpty() && !orders.isEmpty()) {
            return pick(orders, reading, "delivery_period")
                    .map(order -> order.map(o -> Outcome.answered("delivery_period", period(o, usual), o.orderId())))
                    .orElseGet(() -> noOrders("delivery_period"))
                    .fold();
        }
        Optional<CustomerOrder> onItsWay =
                orders.stream().filter(o -> stage(o) == OrderStatus.FULFILLED).findFirst();
        if (onItsWay.isPresent()) {
            CustomerOrder o = onItsWay.get();
            return Outcome.answered("delivery_period", period(o, usual), o.orderId());
        }
        return usual.isEmpty() ? null : Outcome.answered("delivery_period", usual, null);
    }

    private String period(CustomerOrder o, String usual) {
        return switch (stage(o)) {
            case PLACED, PAID -> ("Order " + o.orderId() + " " + describe(o) + ". " + usual).strip();
            case FULFILLED -> {
                LocalDate expected = o.shipment() == null ? null : o.shipment().estimatedDelivery();
                String when =
                        expected == null ? ". " + usual : "; the carrier expects to deliver it on " + expected + ".";
                yield ("Order " + o.orderId() + " shipped on " + day(o.fulfilledAt()) + when).strip() + trackingOnly(o);
            }
            default -> "Order " + o.orderId() + " " + describe(o) + ".";
        };
    }

    /** Carrier, number and link of a parcel on its way, with the carrier's estimate. */
    private static String tracking(CustomerOrder o) {
        if (stage(o) != OrderStatus.FULFILLED || o.shipment() == null) {
            return "";
        }
        String estimate = o.shipment().estimatedDelivery() == null
                ? ""
                : " It is expected on " + o.shipment().estimatedDelivery() + ".";
        return trackingOnly(o) + estimate;
    }

    private static String trackingOnly(CustomerOrder o) {
        Shipment shipment = o.shipment();
        if (stage(o) != OrderStatus.FULFILLED || shipment == null || shipment.trackingNumber() == null) {
            return "";
        }
        String carrier = shipment.carrier() == null ? "" : " with " + shipment.carrier();
        String link = shipment.trackingUrl() == null ? "" : ": " + shipment.trackingUrl();
        return " It travels" + carrier + ", tracking number " + shipment.trackingNumber() + link + ".";
    }

    Outcome cancel(List<CustomerOrder> orders, Reading reading) {
        return pick(orders, reading, "cancel_order")
                .map(choice -> choice.map(o -> switch (stage(o)) {
                    case PLACED, PAID ->
                        new Outcome(
                                "cancel_order",
                                "I have asked for order " + o.orderId() + " to be cancelled; it has not shipped yet,"
                                        + " so any payment is refunded in full.",
                                true,
                                o.orderId(),
                                "cancel");
                    case CANCELLED ->
                        Outcome.answered(
                                "cancel_order", "Order " + o.orderId() + " is already cancelled.", o.orderId());
                    case REFUNDED ->
                        Outcome.answered("cancel_order", "Order " + o.orderId() + " is already refunded.", o.orderId());
                    default ->
                        Outcome.answered(
                                "cancel_order",
                                "Order " + o.orderId() + " has already shipped, so it can no longer be cancelled;"
                                        + " you can return it once it arrives.",
                                o.orderId());
                }))
                .orElseGet(() -> noOrders("cancel_order"))
                .fold();
    }

    Outcome changeAddress(List<CustomerOrder> orders, Reading reading) {
        return pick(orders, reading, "change_address")
                .map(choice -> choice.map(o -> switch (stage(o)) {
                    case PLACED, PAID ->
                        new Outcome(
                                "change_address",
                                "Order " + o.orderId() + " has not shipped yet: I have asked for the address to be"
                                        + " changed. Please reply with the new address.",
                                true,
                                o.orderId(),
                                "change_address");
                    default ->
                        Outcome.answered(
                                "change_address",
                                "Order " + o.orderId() + " " + describe(o) + ", so its address can no longer change.",
                                o.orderId());
                }))
                .orElseGet(() -> noOrders("change_address"))
                .fold();
    }

    Outcome startReturn(List<CustomerOrder> orders, Reading reading, String text, SupportPolicy policy) {
        Optional<String> excluded = excluded(text, reading, policy);
        if (excluded.isPresent()) {
            return Outcome.answered(
                    "return_request",
                    "Sorry, " + excluded.get() + " cannot be returned under our return policy.",
                    null);
        }
        return pick(orders, reading, "return_request")
                .map(choice -> choice.map(o -> returnOf(o, policy)))
                .orElseGet(() -> noOrders("return_request"))
                .fold();
    }

    Outcome refundStatus(List<CustomerOrder> orders, Reading reading, @Nullable Instant returnRequestedAt) {
        return pick(orders, reading, "refund_status")
                .map(choice -> choice.map(o -> {
                    if (o.refundedAt() != null) {
                        return Outcome.answered(
                                "refund_status",
                                "Order " + o.orderId() + " was refunded on " + day(o.refundedAt())
                                        + "; banks take up to 5 working days to show it.",
                                o.orderId());
                    }
                    if (returnRequestedAt != null) {
                        return Outcome.answered(
                                "refund_status",
                                "Your return of order " + o.orderId()
                                        + " was registered on " + day(returnRequestedAt)
                                        + "; the refund follows when the parcel reaches us.",
                                o.orderId());
                    }
                    return Outcome.answered(
                            "refund_status",
                            "There is no refund on order " + o.orderId() + ": it " + describe(o) + ".",
                            o.orderId());
                }))
                .orElseGet(() -> noOrders("refund_status"))
                .fold();
    }

    private Outcome returnOf(CustomerOrder o, SupportPolicy policy) {
        if (stage(o) == OrderStatus.PLACED || stage(o) == OrderStatus.PAID) {
            return Outcome.answered(
                    "return_request",
                    "Order " + o.orderId() + " has not shipped yet: you can cancel it instead of returning it.",
                    o.orderId());
        }
        if (o.status() == OrderStatus.REFUNDED || o.status() == OrderStatus.CANCELLED) {
            return Outcome.answered("return_request", "Order " + o.orderId() + " " + describe(o) + ".", o.orderId());
        }
        Instant from = o.deliveredAt() != null ? o.deliveredAt() : o.fulfilledAt();
        Instant closes = (from != null ? from : clock.instant()).plus(Duration.ofDays(policy.returnWindowDays()));
        if (clock.instant().isAfter(closes)) {
            return Outcome.answered(
                    "return_request",
                    "The " + policy.returnWindowDays() + "-day return window of order " + o.orderId() + " closed on "
                            + day(closes) + ", so it cannot be returned.",
                    o.orderId());
        }
        return new Outcome(
                "return_request",
                "I have started a return for order " + o.orderId()
                        + ". You will get the return label by email; please send it back by " + day(closes) + "."
                        + conditions(policy),
                true,
                o.orderId(),
                "return");
    }

    /** The shop's return conditions as a sentence, so the customer knows them before she sends the parcel. */
    private static String conditions(SupportPolicy policy) {
        return policy.returnConditions().isEmpty()
                ? ""
                : " Returned items must be: " + String.join("; ", policy.returnConditions()) + ".";
    }

    private static Optional<String> excluded(String text, Reading reading, SupportPolicy policy) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String term : policy.returnExclusions()) {
            String t = term.toLowerCase(Locale.ROOT);
            if (lower.contains(t)
                    || reading.skus().stream()
                            .anyMatch(s -> s.toLowerCase(Locale.ROOT).startsWith(t))) {
                return Optional.of("\"" + term + "\"");
            }
        }
        return Optional.empty();
    }

    /** The order named in the message, else the newest; empty when the customer has no orders. */
    private static Optional<Choice> pick(List<CustomerOrder> orders, Reading reading, String automation) {
        if (orders.isEmpty()) {
            return Optional.empty();
        }
        if (reading.orderNumbers().isEmpty()) {
            return Optional.of(new Choice(orders.getFirst(), null));
        }
        String wanted = reading.orderNumbers().getFirst();
        return Optional.of(
                orders.stream()
                        .filter(o -> o.orderId().equalsIgnoreCase(wanted))
                        .findFirst()
                        .map(o -> new Choice(o, null))
                        .orElseGet(
                                () -> new Choice(
                                        null,
                                        Outcome.failed(
                                                automation,
                                                "I cannot find order " + wanted
                                                        + " on your account. Could you check the number in your confirmation email?"))));
    }

    private static Choice noOrders(String automation) {
        return new Choice(
                null,
                Outcome.failed(
                        automation,
                        "I cannot find any order on your account." + " Did you order with another email address?"));
    }

    private String describe(CustomerOrder o) {
        return switch (stage(o)) {
            case PLACED -> "was placed on " + day(o.placedAt()) + " and awaits payment";
            case PAID -> "was paid on " + day(o.paidAt()) + " and is being prepared";
            case FULFILLED -> "shipped on " + day(o.fulfilledAt()) + " and is on its way";
            case DELIVERED, RETURN_WINDOW_CLOSED -> "was delivered on " + day(o.deliveredAt());
            case REFUNDED -> "was refunded on " + day(o.refundedAt());
            case CANCELLED -> "was cancelled on " + day(o.cancelledAt());
        };
    }

    /**
     * Where the order is on its way to the customer. A closed return window says nothing about
     * shipping: the profiles module closes it on a timer, also for an order paid and never fulfilled.
     */
    static OrderStatus stage(CustomerOrder o) {
        if (o.status() != OrderStatus.RETURN_WINDOW_CLOSED) {
            return o.status();
        }
        if (o.deliveredAt() != null) {
            return OrderStatus.DELIVERED;
        }
        if (o.fulfilledAt() != null) {
            return OrderStatus.FULFILLED;
        }
        return o.paidAt() != null ? OrderStatus.PAID : OrderStatus.PLACED;
    }

    private static String day(@Nullable Instant at) {
        return at == null
                ? "an unknown date"
                : LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
    }

    /** Either the order to act on or the answer that there is none. */
    private record Choice(
            @Nullable CustomerOrder order, @Nullable Outcome outcome) {
        Choice map(java.util.function.Function<CustomerOrder, Outcome> act) {
            return order == null ? this : new Choice(null, act.apply(order));
        }

        Outcome fold() {
            return java.util.Objects.requireNonNull(outcome);
        }
    }
}
