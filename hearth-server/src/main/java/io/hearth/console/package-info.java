/**
 * The web console for a shop's staff: server-rendered pages over the other modules' facades, signed
 * in with an admin API key. Nothing depends on this module; it publishes no events.
 */
@NullMarked
package io.hearth.console;

import org.jspecify.annotations.NullMarked;
