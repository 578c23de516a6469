package io.hearth.messaging.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The deterministic fallback: copy variants assembled from fixed sentence patterns and the product's
 * own fields, so they can say nothing the data does not. The same facts always give the same variants
 * in the same order.
 */
final class TemplateCopy {

    private TemplateCopy() {}

    static List<String> subjects(Map<String, String> facts) {
        String name = facts.getOrDefault("name", "");
        String category = facts.getOrDefault("category", "");
        List<String> lines = new ArrayList<>();
        if (!name.isBlank()) {
            lines.add("Picked for you: " + name);
            lines.add(name + " is waiting for you");
            lines.add("Take another look at " + name);
            if (!category.isBlank()) {
                lines.add("Your next " + category + ": " + name);
            }
        }
        if (!category.isBlank()) {
            lines.add("New in " + category + " for you");
        }
        lines.add("Something we think you will like");
        return lines;
    }

    static List<String> blurbs(Map<String, String> facts) {
        String name = facts.getOrDefault("name", "");
        String brand = facts.getOrDefault("brand", "");
        String category = facts.getOrDefault("category", "");
        String price = facts.getOrDefault("price", "");
        String currency = facts.getOrDefault("currency", "");
        String by = brand.isBlank() ? "" : " by " + brand;
        String in = category.isBlank() ? "" : " from our " + category + " range";
        String costs = price.isBlank() ? "" : " for " + price + (currency.isBlank() ? "" : " " + currency);
        List<String> lines = new ArrayList<>();
        if (!name.isBlank()) {
            lines.add(name + by + in + ".");
            lines.add("Meet " + name + by + costs + ".");
            lines.add(name + in + costs + ".");
        }
        return lines.stream().map(String::strip).distinct().toList();
    }
}
