package io.hearth.recommendations.internal;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What serving knows about the person asking, read fresh on every request.
 *
 * @param customerId {@code null} for a product-page request about nobody in particular
 * @param personalized whether their data may be used (the {@code personalization} purpose)
 * @param rows their identities' rows in the model (several after a merge)
 * @param owned product ids they bought (trained history plus this session's orders)
 * @param session product ids they viewed or added recently, newest first
 * @param fatigued product ids shown to them too often without engagement
 */
record Shopper(
        @Nullable String customerId,
        boolean personalized,
        int[] rows,
        Set<String> owned,
        List<String> session,
        Set<String> fatigued) {

    static Shopper nobody() {
        return new Shopper(null, false, new int[0], Set.of(), List.of(), Set.of());
    }
}
