/**
 * Getting a shop's events in: the Segment-compatible HTTP API, commerce webhooks and file imports,
 * validated, de-duplicated by message id per source, and appended to the event log in one
 * transaction with the {@link io.hearth.ingestion.EventsIngested} event that announces them.
 */
@NullMarked
package io.hearth.ingestion;

import org.jspecify.annotations.NullMarked;
