/** Storage, Segment consent extraction, the hash chain and the HTTP API of the privacy module. */
@NullMarked
package io.hearth.privacy.internal;

import org.jspecify.annotations.NullMarked;
