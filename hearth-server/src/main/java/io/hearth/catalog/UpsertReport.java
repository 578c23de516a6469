package io.hearth.catalog;

import io.hearth.shared.FieldError;
import java.util.List;

/**
 * What a batch of product updates did: how many products were created or changed, how many were
 * already as given, and which entries were refused (pointers index the batch, e.g. {@code /3/price}).
 */
public record UpsertReport(int changed, int unchanged, List<FieldError> rejected) {

    public UpsertReport {
        rejected = List.copyOf(rejected);
    }
}
