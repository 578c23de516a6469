package io.hearth.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.hearth.privacy.PrivacyManagement;
import io.hearth.shared.CustomerId;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.TenantId;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A journey issues a personal voucher through the facade: once per key, for that customer only, once. */
@HearthTest
class IssuedVoucherTest {

    @Autowired
    TestTenants tenants;

    @Autowired
    LoyaltyManagement loyalty;

    @Autowired
    PrivacyManagement privacy;

    @Test
    void aPersonalVoucherIsIssuedOncePerKeyAndRedeemsOnceForItsCustomerOnly() {
        TenantId shop = tenants.create().id();
        CustomerId member = CustomerId.random();
        CustomerId stranger = CustomerId.random();
        Voucher.Basket basket = new Voucher.Basket(new BigDecimal("80"), List.of("shoes"));
        Instant expires = Instant.now().plus(Duration.ofDays(30));

        Voucher first = loyalty.issueVoucher(
                shop, member, Voucher.Kind.PERCENT, new BigDecimal("10"), expires, "journey-7:step-2:" + member);
        Voucher again = loyalty.issueVoucher(
                shop, member, Voucher.Kind.PERCENT, new BigDecimal("10"), expires, "journey-7:step-2:" + member);

        assertThat(again.code()).isEqualTo(first.code());
        assertThat(loyalty.validateVoucher(shop, first.code(), stranger, basket).refusals())
                .contains("customer");
        Voucher.Validation redeemed = loyalty.redeemVoucher(shop, first.code(), member, "o-1", basket);
        assertThat(redeemed.discount()).isEqualByComparingTo("8");
        assertThatThrownBy(() -> loyalty.redeemVoucher(shop, first.code(), member, "o-2", basket))
                .isInstanceOfSatisfying(
                        HearthProblem.class,
                        problem -> assertThat(problem.type()).isEqualTo(LoyaltyProblem.VOUCHER_REFUSED));
        assertThatThrownBy(() -> loyalty.issueVoucher(
                        shop, stranger, Voucher.Kind.PERCENT, BigDecimal.TEN, expires, "journey-7:step-2:" + member))
                .isInstanceOfSatisfying(
                        HearthProblem.class,
                        problem -> assertThat(problem.type()).isEqualTo(LoyaltyProblem.IDEMPOTENCY_CONFLICT));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> privacy.decisions(shop, member, 10, null).decisions().stream()
                                .filter(d -> d.type().equals("loyalty.voucher-issued"))
                                .count()
                        == 1);
    }
}
