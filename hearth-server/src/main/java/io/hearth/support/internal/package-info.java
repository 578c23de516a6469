/** Support internals: storage, models, the assistant's decisions, escalation and HTTP. */
@NullMarked
package io.hearth.support.internal;

import org.jspecify.annotations.NullMarked;
