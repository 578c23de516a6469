package io.hearth.predictions.internal;

import java.util.List;

/** What one order held: the product ids and the categories of its lines. */
record OrderItems(List<String> products, List<String> categories) {

    static final OrderItems NONE = new OrderItems(List.of(), List.of());

    OrderItems {
        products = List.copyOf(products);
        categories = List.copyOf(categories);
    }
}
