package io.hearth.recommendations.internal;

import io.hearth.catalog.ProductChanged;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Keeps {@link CatalogView} current after each product change commits; redelivery is harmless. */
@Component
class CatalogViewListener {

    private final CatalogView view;

    CatalogViewListener(CatalogView view) {
        this.view = view;
    }

    @TransactionalEventListener
    void on(ProductChanged changed) {
        view.changed(changed);
    }
}
