package io.hearth.ml.churn;

import java.util.Locale;

/**
 * The behavioural features, in column order. A value is NaN when it is undefined for the customer
 * (an interval needs two purchase days); the booster learns a default direction for missing values.
 */
public enum ChurnFeature {
    RECENCY_DAYS("days since the last purchase"),
    PURCHASE_DAYS("distinct days with a purchase"),
    PURCHASES_LAST_90_DAYS("purchase days in the last 90 days"),
    PURCHASE_TREND("purchase days in the last 90 days minus the 90 before, over their sum"),
    TOTAL_SPEND("total spend"),
    MEAN_ORDER_VALUE("mean value of a purchase"),
    SPEND_LAST_90_DAYS("spend in the last 90 days"),
    TENURE_DAYS("days since the first purchase"),
    MEAN_INTERVAL_DAYS("mean days between purchase days"),
    INTERVAL_VARIATION("coefficient of variation of the days between purchases"),
    OVERDUE_RATIO("days since the last purchase over the mean interval"),
    CATEGORY_BREADTH("distinct categories or products bought"),
    REFUND_COUNT("refunds and cancellations"),
    REFUND_SHARE("refunded value over purchased value"),
    ENGAGEMENTS_LAST_30_DAYS("opens, clicks and visits in the last 30 days"),
    DAYS_SINCE_ENGAGEMENT("days since the last open, click or visit"),
    SUPPORT_CONTACTS_LAST_90_DAYS("support contacts in the last 90 days"),
    NEGATIVE_SUPPORT_CONTACTS_LAST_90_DAYS("support contacts with a negative customer message in the last 90 days");

    private final String description;

    ChurnFeature(String description) {
        this.description = description;
    }

    /** A human description, for explanations in the console. */
    public String description() {
        return description;
    }

    /** Stable snake-case name, stored with a serialized model. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
