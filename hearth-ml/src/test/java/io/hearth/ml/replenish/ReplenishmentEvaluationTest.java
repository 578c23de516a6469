package io.hearth.ml.replenish;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.ml.testdata.OnlineRetail;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Time split of UCI Online Retail at 2011-09-10: priors learned from purchases before it; for every
 * (customer, product) bought on at least two days before it and again after it, the forecast of the
 * first purchase after the split is compared with the actual day. The baseline is the customer's own
 * median interval after their last purchase, moved up to the split day when that is already past.
 */
class ReplenishmentEvaluationTest {

    private static final Instant SPLIT = Instant.parse("2011-09-10T00:00:00Z");

    @Test
    void beatsTheOwnMedianIntervalOnMaeAndHitRate() throws IOException {
        Assumptions.assumeTrue(OnlineRetail.present(), "online-retail data not found, skipping");
        List<Purchase> purchases = new ArrayList<>();
        for (OnlineRetail.Line line : OnlineRetail.lines()) {
            if (!line.cancellation() && line.unitPrice() > 0) {
                purchases.add(new Purchase(line.customerId(), line.stockCode(), line.at()));
            }
        }
        long start = System.nanoTime();
        ReplenishmentModel model = ReplenishmentModel.fit(
                purchases.stream().filter(p -> p.at().isBefore(SPLIT)).toList());
        double fitMillis = (System.nanoTime() - start) / 1e6;

        Map<String, List<Instant>> history = new HashMap<>();
        Map<String, LocalDate> firstAfter = new HashMap<>();
        for (Purchase purchase : purchases) {
            String key = purchase.customerId() + "\t" + purchase.itemId();
            if (purchase.at().isBefore(SPLIT)) {
                history.computeIfAbsent(key, k -> new ArrayList<>()).add(purchase.at());
            } else {
                firstAfter.merge(key, day(purchase.at()), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        Errors hierarchical = new Errors();
        Errors naive = new Errors();
        history.forEach((key, instants) -> {
            TreeSet<LocalDate> days = new TreeSet<>(
                    instants.stream().map(ReplenishmentEvaluationTest::day).toList());
            LocalDate actual = firstAfter.get(key);
            if (days.size() < 2 || actual == null) {
                return;
            }
            String[] ids = key.split("\t");
            ReplenishmentForecast forecast =
                    model.forecast(ids[0], ids[1], instants, SPLIT).orElseThrow();
            hierarchical.add(ChronoUnit.DAYS.between(actual, day(forecast.expectedAt())));
            naive.add(ChronoUnit.DAYS.between(actual, naiveForecast(days)));
        });
        System.out.printf(
                "Replenishment on online-retail: %d item priors fitted in %.0f ms; %d (customer, product) pairs%n",
                model.itemPriors().size(), fitMillis, hierarchical.count());
        System.out.printf(
                "MAE days: hierarchical %.2f | own median interval %.2f;  within ±7 days: %.1f%% | %.1f%%%n",
                hierarchical.mae(), naive.mae(), 100 * hierarchical.hitRate(), 100 * naive.hitRate());

        assertThat(hierarchical.count()).isGreaterThan(1000);
        assertThat(hierarchical.mae()).isLessThan(naive.mae());
        assertThat(hierarchical.hitRate()).isGreaterThan(naive.hitRate());
    }

    /** Last purchase day plus the median of the customer's own intervals, not before the split day. */
    private static LocalDate naiveForecast(TreeSet<LocalDate> days) {
        List<Long> intervals = new ArrayList<>();
        LocalDate previous = null;
        for (LocalDate day : days) {
            if (previous != null) {
                intervals.add(ChronoUnit.DAYS.between(previous, day));
            }
            previous = day;
        }
        intervals.sort(null);
        int n = intervals.size();
        double median = n % 2 == 1 ? intervals.get(n / 2) : (intervals.get(n / 2 - 1) + intervals.get(n / 2)) / 2.0;
        LocalDate predicted = days.last().plusDays(Math.round(median));
        LocalDate split = day(SPLIT);
        return predicted.isBefore(split) ? split : predicted;
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    /** Absolute errors in days. */
    private static final class Errors {
        private long count;
        private double absoluteSum;
        private long hits;

        void add(long errorDays) {
            count++;
            absoluteSum += Math.abs(errorDays);
            hits += Math.abs(errorDays) <= 7 ? 1 : 0;
        }

        long count() {
            return count;
        }

        double mae() {
            return absoluteSum / count;
        }

        double hitRate() {
            return (double) hits / count;
        }
    }
}
