/**
 * Predictions: per-customer lifetime value, probability of being alive, expected purchases, churn
 * risk, a 0–100 health score, the next purchase date and the best send time, each explained by its top
 * inputs and tagged with the model version that produced it. Models are trained per tenant (a durable
 * job or {@code hearth train}), kept as versions in a registry, served from memory, and replaced by
 * transparent rules while a tenant has no trained version. Crossing a configured threshold publishes
 * {@link io.hearth.predictions.PredictionChanged}; drift between training and live data publishes
 * {@link io.hearth.predictions.PredictionDriftDetected}.
 */
@NullMarked
package io.hearth.predictions;

import org.jspecify.annotations.NullMarked;
