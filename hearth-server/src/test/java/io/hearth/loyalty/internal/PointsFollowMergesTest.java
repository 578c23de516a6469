package io.hearth.loyalty.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearth.loyalty.Balance;
import io.hearth.loyalty.Idempotency;
import io.hearth.loyalty.LedgerTransaction;
import io.hearth.loyalty.LoyaltyManagement;
import io.hearth.loyalty.OrderLine;
import io.hearth.profiles.CustomersMerged;
import io.hearth.profiles.CustomersUnmerged;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

/** A merge of two profiles gives the survivor both balances; an unmerge gives each its own lots back. */
@HearthTest
class PointsFollowMergesTest {

    @Autowired
    TestTenants tenants;

    @Autowired
    LoyaltyManagement loyalty;

    @Autowired
    MergeTransfers transfers;

    @Autowired
    ApplicationEventPublisher events;

    TenantId shop;
    CustomerId survivor;
    CustomerId absorbed;

    @BeforeEach
    void twoMembers() {
        shop = tenants.create().id();
        survivor = CustomerId.random();
        absorbed = CustomerId.random();
        earn(survivor, "o-s", 100);
        loyalty.releaseOrder(shop, "o-s");
        loyalty.adjust(shop, survivor, 30, "goodwill", "test", key("adjust-s"));
        earn(absorbed, "o-a", 50);
        loyalty.adjust(shop, absorbed, 20, "goodwill", "test", key("adjust-a"));
    }

    @Test
    void theSurvivorHoldsTheSumOfBothAndARedeliveredMergeMovesNothingTwice() {
        UUID merge = UUID.randomUUID();
        Balance before = loyalty.balance(shop, survivor);
        Balance other = loyalty.balance(shop, absorbed);

        events.publishEvent(new CustomersMerged(shop, merge, survivor, absorbed));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> loyalty.balance(shop, absorbed).available() == 0);
        transfers.merge(shop, merge, survivor, absorbed);
        Balance after = loyalty.balance(shop, survivor);
        assertThat(after.available())
                .isEqualTo(before.available() + other.available())
                .isEqualTo(150);
        assertThat(after.pending())
                .isEqualTo(before.pending() + other.pending())
                .isEqualTo(50);
        assertThat(loyalty.balance(shop, absorbed).pending()).isZero();
        assertThat(kinds(survivor).stream().filter(kind -> kind == LedgerTransaction.Kind.TRANSFER))
                .hasSize(1);
        assertThat(loyalty.reconcile(shop).clean()).isTrue();

        // The absorbed member's order now belongs to the survivor: its return window releases there.
        loyalty.releaseOrder(shop, "o-a");
        assertThat(loyalty.balance(shop, survivor).available()).isEqualTo(200);
        assertThat(loyalty.balance(shop, survivor).pending()).isZero();
        assertThat(loyalty.reconcile(shop).clean()).isTrue();
    }

    @Test
    void anUnmergeGivesBackWhatIsLeftOfTheLotsTheMergeMoved() {
        UUID merge = UUID.randomUUID();
        transfers.merge(shop, merge, survivor, absorbed);
        assertThat(loyalty.balance(shop, survivor).available()).isEqualTo(150);

        events.publishEvent(new CustomersUnmerged(shop, merge, survivor, absorbed));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> loyalty.balance(shop, absorbed).available() == 20);
        transfers.unmerge(shop, merge, survivor, absorbed);
        assertThat(loyalty.balance(shop, absorbed).pending()).isEqualTo(50);
        assertThat(loyalty.balance(shop, survivor).available()).isEqualTo(130);
        assertThat(loyalty.balance(shop, survivor).pending()).isZero();
        assertThat(loyalty.reconcile(shop).clean()).isTrue();
    }

    @Test
    void anUnmergeDeliveredBeforeItsMergeLeavesBothApart() {
        UUID merge = UUID.randomUUID();

        transfers.unmerge(shop, merge, survivor, absorbed);
        transfers.merge(shop, merge, survivor, absorbed);

        assertThat(loyalty.balance(shop, survivor).available()).isEqualTo(130);
        assertThat(loyalty.balance(shop, absorbed).available()).isEqualTo(20);
    }

    private void earn(CustomerId customer, String order, long amount) {
        loyalty.earnOrder(
                shop,
                customer,
                order,
                List.of(new OrderLine("1", null, null, BigDecimal.valueOf(amount))),
                null,
                key("earn-" + order));
    }

    private List<LedgerTransaction.Kind> kinds(CustomerId customer) {
        return loyalty.history(shop, customer, 50, null, null).stream()
                .map(LedgerTransaction::kind)
                .toList();
    }

    private static Idempotency key(String key) {
        return new Idempotency(key, "h");
    }
}
