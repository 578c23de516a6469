package io.hearth.ml.churn;

import io.hearth.ml.testdata.OnlineRetail;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns online-retail invoice lines into one {@link Order} per invoice. */
final class RetailOrders {

    private RetailOrders() {}

    static List<Order> orders(List<OnlineRetail.Line> lines) {
        Map<String, List<OnlineRetail.Line>> byInvoice = new LinkedHashMap<>();
        for (OnlineRetail.Line line : lines) {
            byInvoice
                    .computeIfAbsent(line.invoice(), invoice -> new ArrayList<>())
                    .add(line);
        }
        List<Order> orders = new ArrayList<>(byInvoice.size());
        for (List<OnlineRetail.Line> invoice : byInvoice.values()) {
            OnlineRetail.Line first = invoice.getFirst();
            double amount = 0;
            Set<String> products = new LinkedHashSet<>();
            for (OnlineRetail.Line line : invoice) {
                amount += Math.abs(line.quantity() * line.unitPrice());
                products.add(line.stockCode());
            }
            orders.add(
                    first.cancellation()
                            ? Order.refund(first.customerId(), first.at(), amount)
                            : Order.purchase(first.customerId(), first.at(), amount, List.copyOf(products)));
        }
        return orders;
    }
}
