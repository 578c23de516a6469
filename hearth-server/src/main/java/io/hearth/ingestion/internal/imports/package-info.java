/**
 * Importing historical orders from files: reading rows as a stream, grouping consecutive rows into
 * orders, mapping them to Segment order events and storing them in batches with a checkpoint.
 */
@NullMarked
package io.hearth.ingestion.internal.imports;

import org.jspecify.annotations.NullMarked;
