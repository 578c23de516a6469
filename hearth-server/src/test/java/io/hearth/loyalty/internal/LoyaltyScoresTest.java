package io.hearth.loyalty.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.loyalty.Balance;
import io.hearth.loyalty.LoyaltyScore;
import io.hearth.profiles.ComputedAttributes;
import io.hearth.shared.CustomerId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoyaltyScoresTest {

    static final Balance NONE = Balance.empty(CustomerId.of("c"));

    @Test
    void aRecentFrequentBigSpenderWhoReviewsScoresHigherThanALapsedOneTimeBuyer() {
        LoyaltyScore regular = LoyaltyScores.score(attributes(12, "2400", 3L, 80), NONE, 3);
        LoyaltyScore lapsed = LoyaltyScores.score(attributes(1, "30", 400L, 2), NONE, 0);

        assertThat(regular.score()).isGreaterThan(80).isLessThanOrEqualTo(100);
        assertThat(lapsed.score()).isLessThan(20).isGreaterThanOrEqualTo(0);
        assertThat(regular.recency()).isGreaterThan(lapsed.recency());
    }

    @Test
    void eachInteractionMovesTheScore() {
        double before =
                LoyaltyScores.score(attributes(3, "200", 10L, 10), NONE, 0).score();
        double afterAnOrder =
                LoyaltyScores.score(attributes(4, "260", 0L, 11), NONE, 0).score();
        double afterAReview =
                LoyaltyScores.score(attributes(4, "260", 0L, 11), NONE, 1).score();

        assertThat(afterAnOrder).isGreaterThan(before);
        assertThat(afterAReview).isGreaterThan(afterAnOrder);
    }

    @Test
    void aMemberWithoutAProfileScoresOnTheirPointsAlone() {
        Balance earned = new Balance(CustomerId.of("c"), 500, 0, 2000, 0, 0, 0);

        assertThat(LoyaltyScores.score(null, earned, 0).spend()).isGreaterThan(0.9);
        assertThat(LoyaltyScores.score(null, NONE, 0).score()).isZero();
    }

    private static ComputedAttributes attributes(long orders, String revenue, Long daysSince, long events) {
        return new ComputedAttributes(
                orders,
                new BigDecimal(revenue),
                "EUR",
                null,
                Instant.EPOCH,
                Instant.EPOCH,
                daysSince,
                0,
                BigDecimal.ZERO,
                List.of(),
                Map.of(),
                null,
                events,
                null,
                null);
    }
}
