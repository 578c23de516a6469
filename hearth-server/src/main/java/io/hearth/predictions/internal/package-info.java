/** Features, model ports and their rule-based fallbacks, the registry, training jobs, scoring, drift and the HTTP API. */
@NullMarked
package io.hearth.predictions.internal;

import org.jspecify.annotations.NullMarked;
