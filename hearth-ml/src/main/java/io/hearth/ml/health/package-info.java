/** Customer health score 0–100 from behavioural features, with the factors that moved it. */
@NullMarked
package io.hearth.ml.health;

import org.jspecify.annotations.NullMarked;
