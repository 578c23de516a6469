/**
 * Journeys: versioned definitions as data (JSON or YAML), triggers, steps and exit conditions, run
 * durably on PostgreSQL by the injected clock, with guardrails on every send. Messages go out through
 * the messaging facade; loyalty, predictions and best send time plug in through the ports here.
 */
@NullMarked
package io.hearth.journeys;

import org.jspecify.annotations.NullMarked;
