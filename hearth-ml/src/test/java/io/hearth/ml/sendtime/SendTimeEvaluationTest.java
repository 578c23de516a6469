package io.hearth.ml.sendtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.ml.testdata.OnlineRetail;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Online Retail has no opens or clicks, so invoice times stand in for engagement: each customer's
 * last invoice is held out, and a recommendation hits when it lies within one hour of it (the same
 * weekday). The shrunk model must clearly beat the population's best hour and be no worse than the
 * customer's own most frequent hour alone.
 */
class SendTimeEvaluationTest {

    @Test
    void shrinkageBeatsThePopulationAndMatchesTheOwnHabit() throws IOException {
        Assumptions.assumeTrue(OnlineRetail.present(), "online-retail data not found, skipping");
        Map<String, LinkedHashSet<Instant>> invoices = new HashMap<>();
        for (OnlineRetail.Line line : OnlineRetail.lines()) {
            invoices.computeIfAbsent(line.customerId(), id -> new LinkedHashSet<>())
                    .add(line.at());
        }
        List<Instant> history = new ArrayList<>();
        Map<String, List<Instant>> own = new HashMap<>();
        Map<String, Instant> heldOut = new HashMap<>();
        invoices.forEach((customer, times) -> {
            List<Instant> sorted = times.stream().sorted().toList();
            if (sorted.size() >= 2) {
                own.put(customer, sorted.subList(0, sorted.size() - 1));
                heldOut.put(customer, sorted.getLast());
            }
            history.addAll(sorted.subList(0, sorted.size() - (sorted.size() >= 2 ? 1 : 0)));
        });
        SendTimeModel shrunk = SendTimeModel.fit(history, 10, ZoneOffset.UTC);
        SendTimeModel ownOnly = SendTimeModel.fit(history, 1e-6, ZoneOffset.UTC);
        int population = 0;
        int habit = 0;
        int model = 0;
        int populationBest = shrunk.recommend("anyone", List.of()).hourOfWeek();
        for (Map.Entry<String, Instant> entry : heldOut.entrySet()) {
            int actual = SendTime.hourOfWeek(entry.getValue(), ZoneOffset.UTC);
            List<Instant> times = own.get(entry.getKey());
            population += near(populationBest, actual) ? 1 : 0;
            habit += near(ownOnly.recommend(entry.getKey(), times).hourOfWeek(), actual) ? 1 : 0;
            model += near(shrunk.recommend(entry.getKey(), times).hourOfWeek(), actual) ? 1 : 0;
        }
        int n = heldOut.size();
        System.out.printf(
                "Send time on online-retail (%d customers, last invoice held out), hit within ±1 hour:"
                        + " shrunk %.1f%% | population best %.1f%% | own habit only %.1f%%%n",
                n, 100.0 * model / n, 100.0 * population / n, 100.0 * habit / n);

        for (double prior : new double[] {1, 2, 5, 20, 50}) {
            SendTimeModel other = SendTimeModel.fit(history, prior, ZoneOffset.UTC);
            int hits = 0;
            for (Map.Entry<String, Instant> entry : heldOut.entrySet()) {
                int actual = SendTime.hourOfWeek(entry.getValue(), ZoneOffset.UTC);
                hits += near(
                                other.recommend(entry.getKey(), own.get(entry.getKey()))
                                        .hourOfWeek(),
                                actual)
                        ? 1
                        : 0;
            }
            System.out.printf("  prior %.0f: %.1f%%%n", prior, 100.0 * hits / n);
        }
        // Shrinkage must cost nothing where customers have history and win clearly over the population.
        assertThat(model).isGreaterThanOrEqualTo(habit);
        assertThat(model).isGreaterThan(population * 3 / 2);
    }

    private static boolean near(int recommended, int actual) {
        int distance = Math.abs(recommended - actual);
        return Math.min(distance, SendTimeModel.HOURS - distance) <= 1;
    }
}
