/** Drift of features and scores between a training and a live sample: population stability index. */
@NullMarked
package io.hearth.ml.drift;

import org.jspecify.annotations.NullMarked;
