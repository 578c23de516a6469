package io.hearth.support;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A shop's support rules, as data.
 *
 * @param returnWindowDays days after delivery (or after placing, when never delivered) a return may start
 * @param returnExclusions words or SKU prefixes that cannot be returned (e.g. {@code gift card}, {@code GC-})
 * @param negativeSentiment compound sentiment at or below which a message goes to an agent
 * @param maxFailures automations that could not help before the conversation goes to an agent
 * @param minConfidence intent confidence below which the assistant does not automate; null uses the
 *     threshold tuned when the model was trained
 * @param highValueRevenue lifetime revenue from which a customer always gets an agent; null for never
 * @param accountHelpUrl link sent for account and password help
 * @param invoiceUrl link sent for invoices
 * @param queues agent queues, each with its first-response target; a ticket goes to the first queue
 *     whose {@code minPriority} its priority reaches, so list them highest first
 * @param returnConditions what a returned item must be (e.g. {@code unworn, with the tags on}); the
 *     assistant states them when it starts a return
 * @param deliveryTimes how long delivery takes, in the shop's words (e.g. {@code 2-3 working days in
 *     Germany, 4-7 to the rest of the EU}); the delivery-period answer for an order without the
 *     carrier's estimate; null leaves the question to the knowledge base
 * @param paymentMethods the ways a customer can pay (e.g. {@code Visa}, {@code PayPal}, {@code invoice});
 *     empty leaves the question to the knowledge base
 */
public record SupportPolicy(
        int returnWindowDays,
        @Nullable List<String> returnExclusions,
        double negativeSentiment,
        int maxFailures,
        @Nullable Double minConfidence,
        @Nullable BigDecimal highValueRevenue,
        @Nullable String accountHelpUrl,
        @Nullable String invoiceUrl,
        @Nullable List<Queue> queues,
        @Nullable List<String> returnConditions,
        @Nullable String deliveryTimes,
        @Nullable List<String> paymentMethods) {

    public SupportPolicy {
        returnConditions = returnConditions == null ? List.of() : List.copyOf(returnConditions);
        // Fields a shop leaves out of its JSON keep their defaults.
        returnExclusions = returnExclusions == null ? List.of() : List.copyOf(returnExclusions);
        queues = queues == null ? DEFAULT_QUEUES : List.copyOf(queues);
        accountHelpUrl = accountHelpUrl == null ? "/account/reset-password" : accountHelpUrl;
        invoiceUrl = invoiceUrl == null ? "/account/orders" : invoiceUrl;
        paymentMethods = paymentMethods == null ? List.of() : List.copyOf(paymentMethods);
    }

    private static final List<Queue> DEFAULT_QUEUES =
            List.of(new Queue("priority", 50, Duration.ofMinutes(30)), new Queue("general", 0, Duration.ofHours(4)));

    /** An agent queue with its first-response target. */
    public record Queue(String name, double minPriority, Duration firstResponse) {}

    public static SupportPolicy defaults() {
        return new SupportPolicy(
                30,
                List.of("gift card"),
                -0.5,
                2,
                null,
                null,
                "/account/reset-password",
                "/account/orders",
                DEFAULT_QUEUES,
                List.of(),
                null,
                List.of());
    }

    /** The queue a ticket of this priority goes to. */
    public Queue queueFor(double priority) {
        return queues.stream()
                .filter(queue -> priority >= queue.minPriority())
                .findFirst()
                .orElse(queues.getLast());
    }
}
