/**
 * Seasonality of activity (weekly, daily and yearly profiles per segment) and early warnings: a
 * customer's silence that breaks their own rhythm, and a signal (failed deliveries, errors) arriving
 * far faster than its own baseline.
 */
@NullMarked
package io.hearth.ml.seasonality;

import org.jspecify.annotations.NullMarked;
