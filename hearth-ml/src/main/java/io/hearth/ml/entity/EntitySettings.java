package io.hearth.ml.entity;

import static java.util.Objects.requireNonNull;

import java.util.Currency;
import java.util.regex.Pattern;

/**
 * A shop's entity conventions.
 *
 * @param orderNumber what the shop's order numbers look like, e.g. {@code HR-\d{6}}; a leading '#'
 *     in the message is allowed and dropped
 * @param sku what its SKUs look like
 * @param dayFirst whether "03/04/2026" is the 3rd of April (true) or March 4th (false)
 * @param dollar the currency a bare "$" means
 */
public record EntitySettings(Pattern orderNumber, Pattern sku, boolean dayFirst, Currency dollar) {

    public EntitySettings {
        requireNonNull(orderNumber, "orderNumber is null");
        requireNonNull(sku, "sku is null");
        requireNonNull(dollar, "dollar is null");
    }

    /** Order numbers of 5–10 digits, SKUs like {@code TSH-1234} or {@code TSH-1234-XL}, days first, US dollars. */
    public static EntitySettings defaults() {
        return new EntitySettings(
                Pattern.compile("\\d{5,10}"),
                Pattern.compile("[A-Z]{2,5}-\\d{2,6}(?:-[A-Z0-9]{1,4})?"),
                true,
                Currency.getInstance("USD"));
    }

    /** The same settings with the shop's order-number pattern (a Java regular expression). */
    public EntitySettings withOrderNumber(String regex) {
        return new EntitySettings(Pattern.compile(regex), sku, dayFirst, dollar);
    }

    public EntitySettings withSku(String regex) {
        return new EntitySettings(orderNumber, Pattern.compile(regex), dayFirst, dollar);
    }
}
