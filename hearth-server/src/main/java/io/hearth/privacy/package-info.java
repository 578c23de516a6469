/**
 * Consent per purpose and channel, and the tamper-evident log of automated decisions.
 *
 * <p>{@link io.hearth.privacy.PrivacyManagement#mayUse} is the one question other modules ask before
 * they use a customer's data or contact them. Every change of consent state is announced with
 * {@link io.hearth.privacy.ConsentChanged}.
 */
@NullMarked
package io.hearth.privacy;

import org.jspecify.annotations.NullMarked;
