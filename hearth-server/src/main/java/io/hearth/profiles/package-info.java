/**
 * One profile per real customer: the identity graph over every identifier a customer shows (user
 * and anonymous ids, email, phone, loyalty number, device and platform ids), merges that are
 * retroactive and reversible, traits, computed attributes kept current as events arrive, and the
 * timeline.
 */
@NullMarked
package io.hearth.profiles;

import org.jspecify.annotations.NullMarked;
