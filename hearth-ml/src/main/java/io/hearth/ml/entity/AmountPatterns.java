package io.hearth.ml.entity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Money written the ways customers write it: "$12.50", "€ 12,50", "12.50 EUR", "EUR 12.50",
 * "1,234.56 USD", "20 euros", "£5". A comma followed by exactly two final digits, with no dot, is a
 * decimal comma; otherwise commas and dots before three digits group thousands.
 */
final class AmountPatterns {

    private static final String NUMBER = "(\\d{1,3}(?:[.,\\s]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?)";
    private static final String SYMBOL = "([$€£¥]|(?:US|CA|AU)\\$)";
    private static final String CODE = "(USD|EUR|GBP|CHF|JPY|CAD|AUD|SEK|NOK|DKK|PLN|CZK)";
    private static final String WORD = "(dollars?|euros?|pounds?|francs?|yen)";
    private static final Pattern SYMBOL_FIRST =
            Pattern.compile("(?<![\\w$€£¥])" + SYMBOL + "\\s?" + NUMBER + "(?![\\d])");
    private static final Pattern NUMBER_SYMBOL = Pattern.compile("(?<![\\w.,])" + NUMBER + "\\s?" + SYMBOL);
    private static final Pattern CODE_FIRST = Pattern.compile("\\b" + CODE + "\\s?" + NUMBER + "(?![\\d])");
    private static final Pattern NUMBER_CODE =
            Pattern.compile("(?<![\\w.,])" + NUMBER + "\\s?(?:" + CODE + "|" + WORD + ")\\b", Pattern.CASE_INSENSITIVE);
    private static final Map<String, String> SYMBOLS =
            Map.of("€", "EUR", "£", "GBP", "¥", "JPY", "US$", "USD", "CA$", "CAD", "AU$", "AUD");
    private static final Map<String, String> WORDS =
            Map.of("dollar", "$", "euro", "EUR", "pound", "GBP", "franc", "CHF", "yen", "JPY");

    private final Currency dollar;

    AmountPatterns(Currency dollar) {
        this.dollar = dollar;
    }

    List<Entity.Amount> find(String text) {
        List<Entity.Amount> amounts = new ArrayList<>();
        collect(amounts, SYMBOL_FIRST.matcher(text), 2, 1);
        collect(amounts, CODE_FIRST.matcher(text), 2, 1);
        collect(amounts, NUMBER_SYMBOL.matcher(text), 1, 2);
        Matcher matcher = NUMBER_CODE.matcher(text);
        while (matcher.find()) {
            String unit = matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
            add(amounts, matcher, matcher.group(1), unit);
        }
        return amounts;
    }

    private void collect(List<Entity.Amount> amounts, Matcher matcher, int numberGroup, int unitGroup) {
        while (matcher.find()) {
            add(amounts, matcher, matcher.group(numberGroup), matcher.group(unitGroup));
        }
    }

    private void add(List<Entity.Amount> amounts, Matcher matcher, String number, String unit) {
        boolean overlaps = amounts.stream().anyMatch(a -> matcher.start() < a.end() && a.start() < matcher.end());
        if (!overlaps) {
            amounts.add(
                    new Entity.Amount(matcher.start(), matcher.end(), matcher.group(), value(number), currency(unit)));
        }
    }

    private Currency currency(String unit) {
        String lower = unit.toLowerCase(Locale.ROOT);
        String singular = lower.endsWith("s") && WORDS.containsKey(lower.substring(0, lower.length() - 1))
                ? lower.substring(0, lower.length() - 1)
                : lower;
        String code = WORDS.getOrDefault(singular, SYMBOLS.getOrDefault(unit.toUpperCase(Locale.ROOT), unit));
        return code.equals("$") ? dollar : Currency.getInstance(code.toUpperCase(Locale.ROOT));
    }

    static BigDecimal value(String number) {
        String compact = number.replaceAll("\\s", "");
        int comma = compact.lastIndexOf(',');
        int dot = compact.lastIndexOf('.');
        int decimal = Math.max(comma, dot);
        boolean hasDecimals = decimal >= 0 && compact.length() - decimal - 1 <= 2;
        if (!hasDecimals) {
            return new BigDecimal(compact.replaceAll("[.,]", ""));
        }
        String whole = compact.substring(0, decimal).replaceAll("[.,]", "");
        return new BigDecimal(whole + "." + compact.substring(decimal + 1));
    }
}
