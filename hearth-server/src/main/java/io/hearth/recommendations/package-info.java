/**
 * Recommendations: per-tenant models trained from purchase and view events (ALS, co-occurrence,
 * decayed popularity from {@code hearth-ml}), stored by version and swapped in without a gap, served
 * through a fallback chain with context-aware re-ranking, and measured online through the
 * recommendation id that comes back with clicks and purchases.
 */
@NullMarked
package io.hearth.recommendations;

import org.jspecify.annotations.NullMarked;
