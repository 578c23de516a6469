package io.hearth.ml.replenish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplenishmentModelTest {

    private static final Instant START = Instant.parse("2024-01-01T10:00:00Z");

    /** Forty customers buy coffee every 30 days, four times each. */
    private static List<Purchase> coffeeShop() {
        List<Purchase> purchases = new ArrayList<>();
        for (int c = 0; c < 40; c++) {
            for (int k = 0; k < 4; k++) {
                purchases.add(new Purchase("c" + c, "coffee", START.plus(Duration.ofDays(30L * k + c % 3))));
            }
        }
        return purchases;
    }

    private static List<Instant> every(int days, int times) {
        List<Instant> own = new ArrayList<>();
        for (int k = 0; k < times; k++) {
            own.add(START.plus(Duration.ofDays((long) days * k)));
        }
        return own;
    }

    @Test
    void shrinksThinHistoriesTowardTheItemAndTrustsLongOnes() {
        ReplenishmentModel model = ReplenishmentModel.fit(coffeeShop());
        assertThat(model.prior("coffee").medianDays()).isCloseTo(30, within(1.5));

        List<Instant> twoVisits = every(10, 2);
        Instant afterLast = twoVisits.getLast().plusSeconds(1);
        ReplenishmentForecast thin =
                model.forecast("new", "coffee", twoVisits, afterLast).orElseThrow();
        List<Instant> tenVisits = every(10, 10);
        ReplenishmentForecast rich = model.forecast(
                        "regular", "coffee", tenVisits, tenVisits.getLast().plusSeconds(1))
                .orElseThrow();

        assertThat(thin.typicalIntervalDays()).isBetween(10.0, 30.0);
        assertThat(rich.typicalIntervalDays()).isLessThan(thin.typicalIntervalDays());
        assertThat(rich.ownWeight()).isGreaterThan(thin.ownWeight());
        assertThat(rich.earliest()).isBefore(rich.expectedAt());
        assertThat(rich.latest()).isAfter(rich.expectedAt());
    }

    @Test
    void neverForecastsAnOverdueCustomerIntoThePast() {
        ReplenishmentModel model = ReplenishmentModel.fit(coffeeShop());
        List<Instant> own = every(30, 3);
        Instant muchLater = own.getLast().plus(Duration.ofDays(200));

        ReplenishmentForecast forecast =
                model.forecast("late", "coffee", own, muchLater).orElseThrow();

        assertThat(forecast.earliest()).isAfterOrEqualTo(muchLater.minusSeconds(1));
        assertThat(forecast.expectedAt()).isAfterOrEqualTo(muchLater);
        assertThat(forecast.latest()).isAfterOrEqualTo(forecast.expectedAt());
    }

    @Test
    void unknownItemsUseTheGlobalPriorAndCustomersWithoutPurchasesGetNothing() {
        ReplenishmentModel model = ReplenishmentModel.fit(coffeeShop());
        assertThat(model.prior("tea")).isEqualTo(model.globalPrior());
        assertThat(model.forecast("c1", "coffee", List.of(), START)).isEmpty();
        assertThatThrownBy(() -> ReplenishmentModel.fit(List.of(new Purchase("a", "x", START))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
