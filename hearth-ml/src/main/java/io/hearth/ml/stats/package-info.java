/** Small statistical helpers shared by the models. */
@NullMarked
package io.hearth.ml.stats;

import org.jspecify.annotations.NullMarked;
