/** The CEL engine, storage, incremental and bulk evaluation, and the HTTP API of segments. */
@NullMarked
package io.hearth.segments.internal;

import org.jspecify.annotations.NullMarked;
