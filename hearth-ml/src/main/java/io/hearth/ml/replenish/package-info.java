/**
 * Replenishment: when a customer is expected to buy an item (a product or a category) again, from
 * the intervals between their purchases, shrunk toward the item's population of buyers.
 */
@NullMarked
package io.hearth.ml.replenish;

import org.jspecify.annotations.NullMarked;
