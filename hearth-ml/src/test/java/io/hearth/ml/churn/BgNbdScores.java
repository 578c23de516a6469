package io.hearth.ml.churn;

import io.hearth.ml.clv.BgNbdModel;
import io.hearth.ml.clv.CustomerSummary;
import io.hearth.ml.clv.CustomerSummaryBuilder;
import io.hearth.ml.clv.GroupedStatistics;
import io.hearth.ml.clv.PeriodUnit;
import io.hearth.ml.clv.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** BG/NBD fitted on weekly summaries of the purchases before a cut-off, as a churn baseline. */
record BgNbdScores(BgNbdModel model, Map<String, CustomerSummary> summaries) {

    static BgNbdScores fit(List<Order> orders, Instant cutoff) {
        LocalDate lastDay = LocalDate.ofInstant(cutoff, ZoneOffset.UTC).minusDays(1);
        List<Transaction> transactions = orders.stream()
                .filter(order -> !order.refund() && order.placedAt().isBefore(cutoff))
                .map(order -> new Transaction(
                        order.customerId(), LocalDate.ofInstant(order.placedAt(), ZoneOffset.UTC), order.amount()))
                .toList();
        List<CustomerSummary> summaries =
                new CustomerSummaryBuilder(lastDay, lastDay, PeriodUnit.WEEKS).build(transactions);
        BgNbdModel model = BgNbdModel.fit(GroupedStatistics.of(
                        summaries.stream().map(CustomerSummary::statistics).toList()))
                .model();
        return new BgNbdScores(
                model, summaries.stream().collect(Collectors.toMap(CustomerSummary::customerId, Function.identity())));
    }

    /** 1 − P(alive): the score the issue names as the BG/NBD baseline. */
    double[] notAlive(List<FeatureVector> vectors) {
        return vectors.stream()
                .mapToDouble(vector -> 1 - model.probabilityAlive(statistics(vector)))
                .toArray();
    }

    /** Minus the expected purchases over the horizon: a stronger BG/NBD baseline that also sees the rate. */
    double[] negativeExpectedPurchases(List<FeatureVector> vectors, Duration horizon) {
        double weeks = horizon.toDays() / 7.0;
        return vectors.stream()
                .mapToDouble(vector -> -model.conditionalExpectedPurchases(weeks, statistics(vector)))
                .toArray();
    }

    private io.hearth.ml.clv.SufficientStatistics statistics(FeatureVector vector) {
        return summaries.get(vector.customerId()).statistics();
    }
}
