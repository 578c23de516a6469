/**
 * Segments: named CEL expressions over customer profiles (traits, computed attributes and, later,
 * predictions), with a membership kept current as profiles change and re-evaluated in bulk when a
 * segment is saved. Entries and exits are announced with {@link io.hearth.segments.SegmentEntered}
 * and {@link io.hearth.segments.SegmentExited}.
 */
@NullMarked
package io.hearth.segments;

import org.jspecify.annotations.NullMarked;
