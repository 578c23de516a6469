/** Pure Java algorithms used by the Hearth server: no Spring, no database, no I/O. */
@NullMarked
package io.hearth.ml;

import org.jspecify.annotations.NullMarked;
