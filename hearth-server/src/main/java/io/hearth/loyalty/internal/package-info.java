/** The ledger, its stores and jobs, and the HTTP API of loyalty. */
@NullMarked
package io.hearth.loyalty.internal;

import org.jspecify.annotations.NullMarked;
