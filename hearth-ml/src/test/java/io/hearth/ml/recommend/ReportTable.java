package io.hearth.ml.recommend;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Trains and evaluates several models and prints a Markdown table of the results. */
final class ReportTable {

    private ReportTable() {}

    static Map<String, EvaluationReport> run(
            Map<String, Function<InteractionMatrix, Recommender>> models,
            InteractionMatrix train,
            List<Interaction> test,
            int k) {
        Map<String, EvaluationReport> reports = new LinkedHashMap<>();
        StringBuilder table = new StringBuilder();
        table.append("| model | MAP | nDCG@").append(k).append(" | Precision@").append(k);
        table.append(" | Recall@").append(k).append(" | coverage | train s | eval s |\n");
        table.append("|---|---|---|---|---|---|---|---|\n");
        for (var entry : models.entrySet()) {
            long started = System.nanoTime();
            Recommender model = entry.getValue().apply(train);
            long trained = System.nanoTime();
            EvaluationReport report = RankingEvaluation.evaluate(train, test, model, k);
            long evaluated = System.nanoTime();
            reports.put(entry.getKey(), report);
            table.append(String.format(
                    "| %s | %.4f | %.4f | %.4f | %.4f | %.3f | %.2f | %.2f |%n",
                    entry.getKey(),
                    report.map(),
                    report.ndcg(),
                    report.precision(),
                    report.recall(),
                    report.coverage(),
                    (trained - started) / 1e9,
                    (evaluated - trained) / 1e9));
        }
        System.out.println(table);
        return reports;
    }
}
