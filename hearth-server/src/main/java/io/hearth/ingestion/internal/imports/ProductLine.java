package io.hearth.ingestion.internal.imports;

import java.math.BigDecimal;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** One line of an order as the file gives it. */
record ProductLine(
        @Nullable String productId,
        @Nullable String sku,
        @Nullable String name,
        @Nullable String category,
        @Nullable BigDecimal price,
        long quantity) {

    Optional<BigDecimal> amount() {
        return Optional.ofNullable(price).map(unit -> unit.multiply(BigDecimal.valueOf(quantity)));
    }
}
