package io.hearth.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearth.privacy.PrivacyManagement;
import io.hearth.shared.CustomerId;
import io.hearth.shared.HearthProblem;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Exactness under stress: threads earn, release, redeem, refund and adjust on one account at once,
 * with retries of the same keys; afterwards the balance is the sum of the acknowledged
 * transactions, nothing is lost or doubled, and reconciliation finds no difference.
 */
@HearthTest
class LoyaltyConcurrencyTest {

    static final int THREADS = 8;
    static final int ROUNDS = 10;

    @Autowired
    TestTenants tenants;

    @Autowired
    LoyaltyManagement loyalty;

    @Autowired
    PrivacyManagement privacy;

    @Test
    void parallelMovementsOnOneAccountEndWithTheBalanceOfTheirEntries() throws Exception {
        TestTenant shop = tenants.create();
        CustomerId member = CustomerId.random();
        loyalty.saveReward(shop.id(), new Reward("voucher", "Voucher", "discount", 28, true, null));
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger refused = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> work = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            for (int thread = 0; thread < THREADS; thread++) {
                int t = thread;
                work.add(pool.submit(() -> {
                    start.await();
                    for (int round = 0; round < ROUNDS; round++) {
                        movements(shop, member, t, round, acknowledged, refused);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : work) {
                future.get();
            }
        }

        List<LedgerTransaction> history = loyalty.history(shop.id(), member, 500, null, null);
        Balance balance = loyalty.balance(shop.id(), member);
        Reconciliation report = loyalty.reconcile(shop.id());
        System.out.printf(
                "loyalty concurrency: %d acknowledged, %d refused, %d transactions, available %d, pending %d%n",
                acknowledged.size(), refused.get(), history.size(), balance.available(), balance.pending());
        assertThat(history)
                .extracting(t -> t.transactionId().toString())
                .containsExactlyInAnyOrderElementsOf(acknowledged);
        assertThat(balance.available())
                .isEqualTo(history.stream()
                        .mapToLong(LedgerTransaction::availableChange)
                        .sum());
        assertThat(balance.pending())
                .isEqualTo(history.stream()
                        .mapToLong(LedgerTransaction::pendingChange)
                        .sum());
        assertThat(report.clean()).as(report.toString()).isTrue();
        assertThat(report.transactions()).isEqualTo(history.size());
        assertEveryEarnIsLoggedOnceOnAnIntactChain(shop, member, history);
    }

    // Earns reach the decision log through the outbox after their commit: each once, in one valid chain.
    private void assertEveryEarnIsLoggedOnceOnAnIntactChain(
            TestTenant shop, CustomerId member, List<LedgerTransaction> history) {
        List<String> earns = history.stream()
                .filter(t -> t.kind() == LedgerTransaction.Kind.EARN)
                .map(t -> t.transactionId().toString())
                .toList();
        assertThat(earns).isNotEmpty();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> loggedEarns(shop, member).size() >= earns.size());
        assertThat(loggedEarns(shop, member)).containsExactlyInAnyOrderElementsOf(earns);
        assertThat(privacy.verifyChain(shop.id()).intact()).isTrue();
    }

    private List<String> loggedEarns(TestTenant shop, CustomerId member) {
        return privacy.decisions(shop.id(), member, 500, null).decisions().stream()
                .filter(d -> d.type().equals("loyalty.points-earned"))
                .map(d -> d.inputs().get("transactionId").asString())
                .toList();
    }

    // One round of one thread: earn an order (twice, as a retry would), release it, adjust, redeem,
    // and refund half of every other order. Threads work in pairs on the same orders and keys, so
    // every write also races its own retry. A refusal (not enough points) is fine.
    private void movements(
            TestTenant shop,
            CustomerId member,
            int thread,
            int round,
            Set<String> acknowledged,
            AtomicInteger refused) {
        String order = "o-" + (thread / 2) + "-" + round;
        List<OrderLine> lines = List.of(
                new OrderLine("a", null, null, BigDecimal.valueOf(10 + round)),
                new OrderLine("b", null, null, BigDecimal.TEN));
        Idempotency earnKey = new Idempotency("earn:" + order, "h");
        acknowledged.add(loyalty.earnOrder(shop.id(), member, order, lines, null, earnKey)
                .transactionId()
                .toString());
        acknowledged.add(loyalty.earnOrder(shop.id(), member, order, lines, null, earnKey)
                .transactionId()
                .toString());
        acknowledged.add(loyalty.releaseOrder(shop.id(), order).transactionId().toString());
        attempt(
                acknowledged,
                refused,
                () -> loyalty.adjust(
                        shop.id(), member, 3, "goodwill", "test", new Idempotency("adjust:" + order, "h")));
        attempt(
                acknowledged,
                refused,
                () -> loyalty.redeem(shop.id(), member, "voucher", "test", new Idempotency("redeem:" + order, "h")));
        if (round % 2 == 1) {
            attempt(
                    acknowledged,
                    refused,
                    () -> loyalty.refundOrder(shop.id(), order, List.of("a"), new Idempotency("refund:" + order, "h")));
        }
    }

    private static void attempt(Set<String> acknowledged, AtomicInteger refused, Write write) {
        try {
            acknowledged.add(write.run().transactionId().toString());
        } catch (HearthProblem problem) {
            refused.incrementAndGet();
        }
    }

    private interface Write {
        LedgerTransaction run();
    }
}
