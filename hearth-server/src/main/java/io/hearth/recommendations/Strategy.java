package io.hearth.recommendations;

import java.util.Locale;

/** Where a recommended item came from; CTR and conversion are measured per strategy. */
public enum Strategy {
    /** Personal taste: ALS factors of the customer's history. */
    FACTORS,
    /** Items related to what the customer viewed or added to the cart in this session. */
    SESSION,
    /** Bought together with the product (or with what the customer owns). */
    BOUGHT_TOGETHER,
    /** Viewed or bought by the same shoppers as the product. */
    SIMILAR,
    /** Described like the product or the session's items: name, brand, category and attributes. */
    CONTENT,
    /** Popular in a category the customer is looking at. */
    CATEGORY_POPULARITY,
    /** Popular in the shop, recent demand weighing most. */
    POPULARITY,
    /** Any product in stock: the last resort that keeps a slate full. */
    CATALOG;

    private final String key = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** The lower-case, hyphenated name used in JSON and the decision log ({@code bought-together}). */
    public String key() {
        return key;
    }
}
