/**
 * Loyalty: an exact, double-entry points ledger (earn on orders, pending until the return window
 * closes, refunds that take back exactly the refunded lines, expiry by lots first in first out,
 * redemption against rewards, manual adjustments), earn rules as versioned data, tiers on points
 * earned in a rolling window with grace before a downgrade, and a loyalty score per member. Publishes
 * {@link io.hearth.loyalty.PointsEarned}, {@link io.hearth.loyalty.PointsExpiring} and {@link
 * io.hearth.loyalty.TierChanged} after commit.
 */
@NullMarked
package io.hearth.loyalty;

import org.jspecify.annotations.NullMarked;
