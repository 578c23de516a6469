/** Product storage, the listener that learns products from events, and the HTTP API. */
@NullMarked
package io.hearth.catalog.internal;

import org.jspecify.annotations.NullMarked;
