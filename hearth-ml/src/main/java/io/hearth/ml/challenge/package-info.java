/**
 * Per-customer challenge targets: a step above what the customer typically does, bounded, with
 * the probability they reach it computed from their own history.
 */
@NullMarked
package io.hearth.ml.challenge;

import org.jspecify.annotations.NullMarked;
