package io.hearth.segments.internal;

import io.hearth.profiles.ComputedAttributes;
import io.hearth.profiles.CustomerProfile;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code customer} variable of a segment expression, built from a profile. CEL accepts only
 * {@code Long} and {@code Double} numbers, so every number is widened to one of them; a value the
 * profile does not have is an absent key, so {@code has(customer.days_since_last_order)} tells.
 */
final class CustomerVariables {

    private CustomerVariables() {}

    static Map<String, Object> of(CustomerProfile profile) {
        ComputedAttributes computed = profile.computed();
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("customer_id", profile.customerId().value());
        customer.put("traits", plainMap(profile.traits()));
        customer.put("orders_count", computed.ordersCount());
        customer.put("revenue", computed.revenue().doubleValue());
        putIfPresent(customer, "currency", computed.currency());
        putIfPresent(customer, "average_order_value", number(computed.averageOrderValue()));
        putIfPresent(customer, "first_order_at", computed.firstOrderAt());
        putIfPresent(customer, "last_order_at", computed.lastOrderAt());
        putIfPresent(customer, "days_since_last_order", computed.daysSinceLastOrder());
        customer.put("refunds_count", computed.refundsCount());
        customer.put("refunded_amount", computed.refundedAmount().doubleValue());
        customer.put("top_categories", computed.topCategories());
        customer.put("engagement", computed.engagementByChannel());
        putIfPresent(customer, "preferred_channel", computed.preferredChannel());
        customer.put("events_count", computed.eventsCount());
        putIfPresent(customer, "last_seen_at", computed.lastSeenAt());
        if (computed.rfm() != null) {
            customer.put("rfm", rfm(computed.rfm()));
        }
        customer.put("predictions", Map.of());
        return customer;
    }

    private static Map<String, Object> rfm(ComputedAttributes.RfmScore rfm) {
        return Map.of(
                "recency", (long) rfm.recency(),
                "frequency", (long) rfm.frequency(),
                "monetary", (long) rfm.monetary());
    }

    private static void putIfPresent(Map<String, Object> customer, String key, @Nullable Object value) {
        if (value != null) {
            customer.put(key, value);
        }
    }

    private static @Nullable Double number(@Nullable BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }

    /** Traits come from JSON: nested maps and lists, Integers, BigDecimals and nulls among them. */
    static Map<String, Object> plainMap(Map<?, ?> map) {
        Map<String, Object> plain = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            Object converted = plain(value);
            if (converted != null) {
                plain.put(String.valueOf(key), converted);
            }
        });
        return plain;
    }

    private static @Nullable Object plain(@Nullable Object value) {
        return switch (value) {
            case null -> null;
            case String text -> text;
            case Boolean flag -> flag;
            case BigInteger big -> big.bitLength() < Long.SIZE ? (Object) big.longValue() : big.doubleValue();
            case BigDecimal decimal -> decimal.doubleValue();
            case Double real -> real;
            case Float real -> real.doubleValue();
            case Number whole -> whole.longValue();
            case Instant instant -> instant;
            case Map<?, ?> nested -> plainMap(nested);
            case List<?> list -> plainList(list);
            default -> value.toString();
        };
    }

    private static List<Object> plainList(List<?> list) {
        List<Object> plain = new ArrayList<>(list.size());
        for (Object element : list) {
            Object converted = plain(element);
            if (converted != null) {
                plain.add(converted);
            }
        }
        return plain;
    }
}
