/**
 * The {@code hearth} command line: work on a shop's data from a terminal (such as importing order
 * history), run in a non-web instance of the same application, over the module facades only.
 */
@NullMarked
package io.hearth.cli;

import org.jspecify.annotations.NullMarked;
