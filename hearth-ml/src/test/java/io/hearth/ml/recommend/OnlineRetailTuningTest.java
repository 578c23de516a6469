package io.hearth.ml.recommend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * ALS search on Online Retail with the month before the test cut (2011-10-09 … 2011-11-08) as
 * validation; the test month is never looked at. Runs only with {@code -Dhearth.tune=true}.
 */
class OnlineRetailTuningTest {

    @Test
    void searchAlsGrid() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("hearth.tune"), "tuning runs only on request");
        Path file = EvaluationData.sharedData().resolve("online-retail/online_retail_combined.csv.gz");
        Assumptions.assumeTrue(Files.exists(file), "Online Retail not available");
        EvaluationData.Split outer =
                EvaluationData.timeSplit(EvaluationData.onlineRetail(file), OnlineRetailEvaluationTest.CUT);
        long validationCut = LocalDate.of(2011, 10, 9).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        EvaluationData.Split inner = EvaluationData.timeSplit(outer.train(), validationCut);
        InteractionMatrix train = InteractionMatrix.of(inner.train());
        if (Boolean.getBoolean("hearth.log")) {
            train = train.mapValues(Math::log1p);
        }
        AlsGridSearch.run(train, inner.test(), System.getProperty("hearth.grid", "32,64:1,10,50:1,10,40"));
    }
}
