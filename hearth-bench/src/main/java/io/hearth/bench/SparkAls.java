package io.hearth.bench;

import io.hearth.ml.recommend.EvaluationReport;
import io.hearth.ml.recommend.FactorModel;
import io.hearth.ml.recommend.InteractionMatrix;
import io.hearth.ml.recommend.RankingEvaluation;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The Spark MLlib side of {@link AlsSideBySide}, run in its own JVM (Spark needs {@code
 * --add-opens} flags and should not share the heap being measured). Everything stays in memory:
 * Hadoop file I/O does not work on JDK 25.
 *
 * <p>Usage: {@code SparkAls factors iterations regParam alpha}; prints one {@code RESULT} line: training
 * wall seconds, nDCG@10, session start seconds, training CPU seconds.
 */
public final class SparkAls {

    private SparkAls() {}

    public static void main(String[] args) throws Exception {
        int factors = Integer.parseInt(args[0]);
        int iterations = Integer.parseInt(args[1]);
        double regParam = Double.parseDouble(args[2]);
        double alpha = Double.parseDouble(args[3]);
        var split = RecommendationData.stratified(
                RecommendationData.movieLens(RecommendationData.sharedData().resolve("movielens-100k/u.data")),
                0.75,
                42);
        InteractionMatrix train = InteractionMatrix.of(split.train());
        long sessionStart = System.nanoTime();
        SparkSession spark = localSession();
        spark.sparkContext().setLogLevel("ERROR");
        Dataset<Row> ratings = ratings(spark, train, split.train());
        ratings.cache().count();
        double sessionSeconds = (System.nanoTime() - sessionStart) / 1e9;
        ALS als = new ALS()
                .setRank(factors)
                .setMaxIter(iterations)
                .setRegParam(regParam)
                .setAlpha(alpha)
                .setImplicitPrefs(true)
                .setSeed(42)
                .setUserCol("user")
                .setItemCol("item")
                .setRatingCol("rating");
        long started = System.nanoTime();
        long cpuStarted = CpuTime.process();
        ALSModel model = als.fit(ratings);
        float[] users = factors(model.userFactors(), train.userCount(), factors);
        float[] items = factors(model.itemFactors(), train.itemCount(), factors);
        double trainSeconds = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = (CpuTime.process() - cpuStarted) / 1e9;
        EvaluationReport report =
                RankingEvaluation.evaluate(train, split.test(), FactorModel.of(factors, users, items), 10);
        System.out.printf("RESULT %.3f %.4f %.3f %.3f%n", trainSeconds, report.ndcg(), sessionSeconds, cpuSeconds);
        spark.stop();
    }

    /** Two local cores, loopback only, no web UI. */
    private static SparkSession localSession() {
        return SparkSession.builder()
                .master("local[2]")
                .appName("hearth-als-side-by-side")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
    }

    /** Dense training indices as Spark ids, so factors map straight back onto hearth-ml's matrix. */
    private static Dataset<Row> ratings(
            SparkSession spark, InteractionMatrix train, List<io.hearth.ml.recommend.Interaction> interactions) {
        List<Row> rows = new ArrayList<>();
        for (var interaction : interactions) {
            rows.add(RowFactory.create(
                    train.users().indexOf(interaction.userId()),
                    train.items().indexOf(interaction.itemId()),
                    interaction.weight()));
        }
        StructType schema = new StructType()
                .add("user", DataTypes.IntegerType)
                .add("item", DataTypes.IntegerType)
                .add("rating", DataTypes.FloatType);
        return spark.createDataFrame(rows, schema);
    }

    private static float[] factors(Dataset<Row> frame, int count, int factors) {
        float[] flat = new float[count * factors];
        for (Row row : frame.collectAsList()) {
            int id = row.getInt(0);
            List<Object> vector = row.getList(1);
            for (int f = 0; f < factors; f++) {
                flat[id * factors + f] = ((Number) vector.get(f)).floatValue();
            }
        }
        return flat;
    }
}
