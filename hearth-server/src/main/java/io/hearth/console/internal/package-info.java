/** Sign-in, the tenant-bound request filter, controllers and view rows of the console. */
@NullMarked
package io.hearth.console.internal;

import org.jspecify.annotations.NullMarked;
