package io.hearth.ml.entity;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds entities with patterns, most specific first: emails, then amounts, dates, order numbers (the
 * shop's own pattern beats the generic SKU one) and SKUs. A later kind never claims characters an earlier one took, so "12.50 EUR" is an amount and
 * not an order number, and "a.b@shop.com" is not split into words.
 */
public final class EntityExtractor {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

    private final EntitySettings settings;
    private final Pattern orderNumber;
    private final Pattern sku;
    private final AmountPatterns amounts;
    private final DatePatterns dates;

    public EntityExtractor(EntitySettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
        this.orderNumber =
                Pattern.compile("(?<![\\w-])#?(" + settings.orderNumber().pattern() + ")(?![\\w-])");
        this.sku = Pattern.compile("(?<![\\w-])(" + settings.sku().pattern() + ")(?![\\w-])");
        this.amounts = new AmountPatterns(settings.dollar());
        this.dates = new DatePatterns(settings.dayFirst());
    }

    /** The entities of {@code text} in order of position; relative dates count from {@code today}. */
    public List<Entity> extract(String text, LocalDate today) {
        requireNonNull(text, "text is null");
        requireNonNull(today, "today is null");
        List<Entity> found = new ArrayList<>();
        claim(found, emails(text));
        claim(found, amounts.find(text));
        claim(found, dates.find(text, today));
        claim(found, orderNumbers(text));
        claim(found, skus(text));
        found.sort(Comparator.comparingInt(Entity::start));
        return List.copyOf(found);
    }

    public EntitySettings settings() {
        return settings;
    }

    private static void claim(List<Entity> found, List<? extends Entity> candidates) {
        for (Entity candidate : candidates) {
            boolean overlaps = found.stream()
                    .anyMatch(taken -> candidate.start() < taken.end() && taken.start() < candidate.end());
            if (!overlaps) {
                found.add(candidate);
            }
        }
    }

    private static List<Entity.Email> emails(String text) {
        List<Entity.Email> emails = new ArrayList<>();
        Matcher matcher = EMAIL.matcher(text);
        while (matcher.find()) {
            emails.add(new Entity.Email(
                    matcher.start(),
                    matcher.end(),
                    matcher.group(),
                    matcher.group().toLowerCase(java.util.Locale.ROOT)));
        }
        return emails;
    }

    private List<Entity.Sku> skus(String text) {
        List<Entity.Sku> skus = new ArrayList<>();
        Matcher matcher = sku.matcher(text);
        while (matcher.find()) {
            skus.add(new Entity.Sku(matcher.start(), matcher.end(), matcher.group(), matcher.group(1)));
        }
        return skus;
    }

    private List<Entity.OrderNumber> orderNumbers(String text) {
        List<Entity.OrderNumber> numbers = new ArrayList<>();
        Matcher matcher = orderNumber.matcher(text);
        while (matcher.find()) {
            numbers.add(new Entity.OrderNumber(matcher.start(), matcher.end(), matcher.group(), matcher.group(1)));
        }
        return numbers;
    }
}
