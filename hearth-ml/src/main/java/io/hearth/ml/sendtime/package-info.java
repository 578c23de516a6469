/** Send-time optimization: the best hour of the week per customer, shrunk toward the population. */
@NullMarked
package io.hearth.ml.sendtime;

import org.jspecify.annotations.NullMarked;
