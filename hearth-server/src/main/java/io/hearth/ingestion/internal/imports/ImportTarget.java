package io.hearth.ingestion.internal.imports;

import static java.util.Objects.requireNonNull;

import io.hearth.ingestion.ImportRequest;
import io.hearth.shared.TenantId;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * What one run imports into: the tenant, the request, the checkpoint key of the file and where the
 * previous run stopped, the currency for amounts without one, and how far the file has been read.
 */
record ImportTarget(
        TenantId tenant,
        ImportRequest request,
        String key,
        long resumedAfterLine,
        @Nullable String currency,
        LongSupplier bytesReadSoFar) {

    ImportTarget {
        requireNonNull(tenant, "tenant is null");
        requireNonNull(request, "request is null");
        requireNonNull(key, "key is null");
        requireNonNull(bytesReadSoFar, "bytesReadSoFar is null");
    }

    long bytesRead() {
        return bytesReadSoFar.getAsLong();
    }
}
