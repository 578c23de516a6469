package io.hearth.predictions.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the next-need rules ("bought A → buys B within N days").
 *
 * @param window how soon after A the first purchase of B must come for a customer to follow a rule,
 *     and how long after buying A a customer is offered B
 * @param minCustomers fewest customers who followed a rule (and who bought each of its products)
 * @param minConfidence smallest share of A's buyers who followed a rule
 * @param served most next needs served per customer
 */
@ConfigurationProperties("hearth.predictions.next-need")
record NextNeedSettings(
        @DefaultValue("P30D") Duration window,
        @DefaultValue("5") int minCustomers,
        @DefaultValue("0.05") double minConfidence,
        @DefaultValue("3") int served) {

    NextNeedSettings {
        if (window.isNegative() || window.toDays() < 1 || minCustomers < 1 || served < 1) {
            throw new IllegalArgumentException(
                    "hearth.predictions.next-need: window of at least a day, min-customers and served >= 1");
        }
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("hearth.predictions.next-need.min-confidence must be in [0, 1]");
        }
    }
}
