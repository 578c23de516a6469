package io.hearth.ingestion.internal.imports;

import io.hearth.ingestion.ImportFormat;
import java.util.Map;
import java.util.Set;

/** How the rows of one file format become order rows. */
sealed interface OrderFormat permits OnlineRetailRows, CdnowRows, GenericRows {

    /** @throws RowRejected naming the column whose value cannot be read */
    OrderRow read(SourceRow row);

    /** The columns a file must have, checked against its header. */
    Set<String> requiredColumns();

    /** The file's column for a field of the order event, to report the validator's findings by column. */
    Map<String, String> columnsByField();

    static OrderFormat of(ImportFormat format) {
        return switch (format) {
            case ONLINE_RETAIL -> new OnlineRetailRows();
            case CDNOW -> new CdnowRows();
            case GENERIC -> new GenericRows();
        };
    }
}
