package io.hearth.ml.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * UCI Online Retail, time split: purchases before 2011-11-09 train, the last month tests. Only
 * items new to the customer count as relevant, since re-purchases are never recommended.
 */
class OnlineRetailEvaluationTest {

    private static final int K = 10;

    static final long CUT = LocalDate.of(2011, 11, 9).atStartOfDay().toEpochSecond(ZoneOffset.UTC);

    /** Chosen by {@link OnlineRetailTuningTest} on the month before the cut. */
    static final AlsConfig TUNED_ALS =
            AlsConfig.defaults().withFactors(64).withRegularization(10).withAlpha(1);

    @Test
    void alsBeatsPopularity() throws Exception {
        Path file = EvaluationData.sharedData().resolve("online-retail/online_retail_combined.csv.gz");
        Assumptions.assumeTrue(Files.exists(file), "Online Retail not available");
        List<Interaction> purchases = EvaluationData.onlineRetail(file);
        EvaluationData.Split split = EvaluationData.timeSplit(purchases, CUT);
        InteractionMatrix train = InteractionMatrix.of(split.train());

        Map<String, Function<InteractionMatrix, Recommender>> models = new LinkedHashMap<>();
        models.put("popularity", m -> DecayedPopularity.build(m, Double.POSITIVE_INFINITY, CUT));
        models.put("popularity (30-day half-life)", m -> DecayedPopularity.build(m, 30, CUT));
        models.put("co-occurrence (LLR)", m -> ItemCoOccurrence.build(m, CoOccurrenceConfig.defaults()));
        models.put("co-occurrence (LLR, 30-day window)", m -> ItemCoOccurrence.build(m, WINDOWED));
        models.put("ALS", m -> ImplicitAls.train(m, TUNED_ALS));
        Map<String, EvaluationReport> reports = ReportTable.run(models, train, split.test(), K);

        assertThat(reports.get("ALS").ndcg())
                .isGreaterThan(reports.get("popularity").ndcg());
    }

    static final long VALIDATION_CUT = LocalDate.of(2011, 10, 9).atStartOfDay().toEpochSecond(ZoneOffset.UTC);

    /**
     * ALS, windowed co-occurrence and decayed popularity blended with weights learned on the month
     * before the cut (components fitted on the data before that month), then refitted on all the
     * training data and scored on the test month.
     */
    @Test
    void learnedBlendBeatsPopularityAndCoOccurrenceOnEveryMetric() throws Exception {
        Path file = EvaluationData.sharedData().resolve("online-retail/online_retail_combined.csv.gz");
        Assumptions.assumeTrue(Files.exists(file), "Online Retail not available");
        EvaluationData.Split outer = EvaluationData.timeSplit(EvaluationData.onlineRetail(file), CUT);
        EvaluationData.Split inner = EvaluationData.timeSplit(outer.train(), VALIDATION_CUT);
        InteractionMatrix fit = InteractionMatrix.of(inner.train());
        BlendWeights learned = BlendWeights.learn(fit, inner.test(), components(fit, VALIDATION_CUT), K);
        System.out.printf(
                "Blend weights (ALS, co-occurrence, popularity): %s, validation nDCG@%d %.4f%n",
                Arrays.toString(learned.weights()), K, learned.validationNdcg());

        InteractionMatrix train = InteractionMatrix.of(outer.train());
        Map<String, Function<InteractionMatrix, Recommender>> models = new LinkedHashMap<>();
        models.put("popularity (30-day half-life)", m -> DecayedPopularity.build(m, 30, CUT));
        models.put("co-occurrence (LLR, 30-day window)", m -> ItemCoOccurrence.build(m, WINDOWED));
        models.put("ALS", m -> ImplicitAls.train(m, TUNED_ALS));
        models.put("blend (learned weights)", m -> Blend.of(components(m, CUT), learned.weights(), m.itemCount()));
        Map<String, EvaluationReport> reports = ReportTable.run(models, train, outer.test(), K);

        EvaluationReport blend = reports.get("blend (learned weights)");
        for (String baseline : List.of("popularity (30-day half-life)", "co-occurrence (LLR, 30-day window)")) {
            EvaluationReport other = reports.get(baseline);
            assertThat(blend.ndcg()).as("nDCG vs " + baseline).isGreaterThan(other.ndcg());
            assertThat(blend.map()).as("MAP vs " + baseline).isGreaterThan(other.map());
            assertThat(blend.precision()).as("precision vs " + baseline).isGreaterThan(other.precision());
            assertThat(blend.recall()).as("recall vs " + baseline).isGreaterThan(other.recall());
        }
    }

    private static final CoOccurrenceConfig WINDOWED =
            CoOccurrenceConfig.defaults().withWindowDays(30);

    private static List<Recommender> components(InteractionMatrix matrix, long now) {
        return List.of(
                ImplicitAls.train(matrix, TUNED_ALS),
                ItemCoOccurrence.build(matrix, WINDOWED),
                DecayedPopularity.build(matrix, 30, now));
    }
}
