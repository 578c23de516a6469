package io.hearth.ml.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hearth.ml.replenish.Purchase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulesTest {

    private static final Instant DAY_ZERO = Instant.parse("2024-03-01T09:00:00Z");

    @Test
    void aprioriComputesSupportConfidenceAndLiftOfSingleConsequentRules() {
        List<List<String>> baskets = List.of(
                List.of("bread", "butter"), List.of("bread", "butter", "jam"), List.of("bread"), List.of("milk"));

        List<AssociationRule> rules = Apriori.mine(baskets, new AprioriSettings(0.5, 0.6, 3));

        // {butter} => {bread}: both in 2 of 4 baskets, every butter basket has bread; bread in 3 of 4.
        assertThat(rules).hasSize(2);
        AssociationRule butterToBread = rules.stream()
                .filter(rule -> rule.consequent().equals("bread"))
                .findFirst()
                .orElseThrow();
        assertThat(butterToBread.antecedent()).containsExactly("butter");
        assertThat(butterToBread.support()).isEqualTo(0.5);
        assertThat(butterToBread.confidence()).isEqualTo(1.0);
        assertThat(butterToBread.lift()).isCloseTo(4 / 3.0, within(1e-12));
    }

    @Test
    void sequentialRulesCountFirstPurchasesOfTheConsequentWithinTheWindowOnly() {
        List<Purchase> purchases = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            purchases.add(new Purchase("c" + c, "printer", DAY_ZERO));
            // Two customers need ink 10 days later, one after 40 days (outside the window), one never.
            if (c < 2) {
                purchases.add(new Purchase("c" + c, "ink", DAY_ZERO.plus(Duration.ofDays(10))));
            }
        }
        purchases.add(new Purchase("c2", "ink", DAY_ZERO.plus(Duration.ofDays(40))));
        purchases.add(new Purchase("c9", "ink", DAY_ZERO));
        purchases.add(new Purchase("c9", "printer", DAY_ZERO.plus(Duration.ofDays(5))));

        List<SequentialRule> rules =
                SequentialRules.mine(purchases, new SequentialRuleSettings(Duration.ofDays(30), 1, 0.1));

        assertThat(rules).hasSize(2);
        SequentialRule printerToInk = rules.stream()
                .filter(rule -> rule.antecedent().equals("printer"))
                .findFirst()
                .orElseThrow();
        assertThat(printerToInk.customers()).isEqualTo(2);
        assertThat(printerToInk.confidence()).isCloseTo(2 / 5.0, within(1e-12));
        // 4 of the 5 customers bought ink at some point.
        assertThat(printerToInk.lift()).isCloseTo((2 / 5.0) / (4 / 5.0), within(1e-12));
    }
}
