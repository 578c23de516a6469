package io.hearth.bench;

import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import es.uam.eps.ir.ranksys.fast.index.SimpleFastItemIndex;
import es.uam.eps.ir.ranksys.fast.index.SimpleFastUserIndex;
import es.uam.eps.ir.ranksys.fast.preference.SimpleFastPreferenceData;
import es.uam.eps.ir.ranksys.mf.Factorization;
import es.uam.eps.ir.ranksys.mf.als.HKVFactorizer;
import io.hearth.ml.recommend.FactorModel;
import io.hearth.ml.recommend.Interaction;
import io.hearth.ml.recommend.InteractionMatrix;
import java.util.List;
import java.util.stream.IntStream;
import org.jooq.lambda.tuple.Tuple;

/**
 * The RankSys side of {@link AlsSideBySide}: its Hu–Koren–Volinsky factorizer (exact solves per
 * row, parallel streams), fed the same dense indices as hearth-ml and turned back into a {@link
 * FactorModel} for the same evaluation.
 */
final class RankSysAls {

    private RankSysAls() {}

    /** Training wall and CPU seconds and the learned model. */
    record Run(double seconds, double cpuSeconds, FactorModel model) {}

    static Run train(
            InteractionMatrix train,
            List<Interaction> interactions,
            int factors,
            int iterations,
            double lambda,
            double alpha) {
        var users =
                SimpleFastUserIndex.load(IntStream.range(0, train.userCount()).boxed());
        var items =
                SimpleFastItemIndex.load(IntStream.range(0, train.itemCount()).boxed());
        var preferences = SimpleFastPreferenceData.load(
                interactions.stream()
                        .map(i -> Tuple.tuple(
                                train.users().indexOf(i.userId()), train.items().indexOf(i.itemId()), (double)
                                        i.weight())),
                users,
                items);
        var factorizer = new HKVFactorizer<Integer, Integer>(lambda, x -> 1 + alpha * x, iterations);
        long started = System.nanoTime();
        long cpuStarted = CpuTime.process();
        Factorization<Integer, Integer> factorization = factorizer.factorize(factors, preferences);
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = (CpuTime.process() - cpuStarted) / 1e9;
        float[] userFactors = rows(factorization.getUserMatrix(), train.userCount(), factors, factorization::user2uidx);
        float[] itemFactors = rows(factorization.getItemMatrix(), train.itemCount(), factors, factorization::item2iidx);
        return new Run(seconds, cpuSeconds, FactorModel.of(factors, userFactors, itemFactors));
    }

    private static float[] rows(
            DenseDoubleMatrix2D matrix, int count, int factors, java.util.function.IntUnaryOperator indexOf) {
        float[] flat = new float[count * factors];
        for (int row = 0; row < count; row++) {
            int source = indexOf.applyAsInt(row);
            for (int f = 0; f < factors; f++) {
                flat[row * factors + f] = (float) matrix.getQuick(source, f);
            }
        }
        return flat;
    }
}
