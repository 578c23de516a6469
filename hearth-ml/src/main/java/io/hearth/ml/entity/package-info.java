/**
 * Entities in customer messages: order numbers (by the shop's own pattern), SKUs, email addresses,
 * amounts with their currency and dates, each with its position in the text and a normalized value.
 */
@NullMarked
package io.hearth.ml.entity;

import org.jspecify.annotations.NullMarked;
