package io.hearth.ml.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hearth.ml.testdata.SharedDataFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Reproduces the best-known Apriori results on R arules' Groceries data (9,835 baskets), as printed
 * by {@code inspect(head(sort(rules, by = "lift")))} in the arules documentation and tutorials.
 */
class GroceriesRulesTest {

    private static final Path FILE = SharedDataFolder.path().resolve("groceries/groceries_from_rda_basket.csv");

    private static List<List<String>> baskets() throws IOException {
        return Files.readAllLines(FILE).stream()
                .map(line -> Arrays.stream(line.split(","))
                        .map(String::strip)
                        .distinct()
                        .toList())
                .toList();
    }

    @Test
    void supportOneInAThousandConfidenceHalfPutsHamburgerMeatOnTop() throws IOException {
        Assumptions.assumeTrue(Files.exists(FILE), "groceries data not found, skipping");
        List<List<String>> baskets = baskets();
        long start = System.nanoTime();
        List<AssociationRule> rules = Apriori.mine(baskets, new AprioriSettings(0.001, 0.5, 10));
        System.out.printf(
                "Groceries: %d baskets, %d rules at support 0.001 / confidence 0.5 in %.0f ms%n",
                baskets.size(), rules.size(), (System.nanoTime() - start) / 1e6);
        rules.stream().limit(5).forEach(rule -> System.out.println("  " + rule));

        assertThat(baskets).hasSize(9835);
        assertThat(rules).hasSize(5668);
        assertRule(rules.get(0), List.of("Instant food products", "soda"), "hamburger meat", 0.001220132, 18.99565);
        assertRule(rules.get(1), List.of("popcorn", "soda"), "salty snack", 0.001220132, 16.69779);
        assertRule(rules.get(2), List.of("baking powder", "flour"), "sugar", 0.001016777, 16.40807);
    }

    @Test
    void confidenceEightyPercentGivesTheClassicLiquorAndWineRule() throws IOException {
        Assumptions.assumeTrue(Files.exists(FILE), "groceries data not found, skipping");
        List<AssociationRule> rules = Apriori.mine(baskets(), new AprioriSettings(0.001, 0.8, 10));
        System.out.printf("Groceries: %d rules at support 0.001 / confidence 0.8%n", rules.size());
        rules.stream().limit(3).forEach(rule -> System.out.println("  " + rule));

        assertThat(rules).hasSize(410);
        assertRule(rules.getFirst(), List.of("liquor", "red/blush wine"), "bottled beer", 0.001931876, 11.235269);
        assertThat(rules.getFirst().confidence()).isCloseTo(0.9047619, within(1e-6));
    }

    private static void assertRule(
            AssociationRule rule, List<String> antecedent, String consequent, double support, double lift) {
        assertThat(rule.antecedent()).containsExactlyElementsOf(antecedent);
        assertThat(rule.consequent()).isEqualTo(consequent);
        assertThat(rule.support()).isCloseTo(support, within(1e-8));
        assertThat(rule.lift()).isCloseTo(lift, within(1e-4));
    }
}
