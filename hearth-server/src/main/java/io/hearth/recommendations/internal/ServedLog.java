package io.hearth.recommendations.internal;

import io.hearth.privacy.Decision;
import io.hearth.privacy.PrivacyManagement;
import io.hearth.recommendations.RecommendedItem;
import io.hearth.recommendations.Slate;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes what was served off the request path, in batches every 100 ms: the slate (for attribution),
 * one more showing per item (for fatigue) and one decision-log record per customer slate. Serving thus
 * costs no write, at the price of fatigue and attribution lagging a fraction of a second. A full queue
 * makes the request write its own slate rather than drop it.
 */
@Component
public class ServedLog {

    private static final Logger log = LoggerFactory.getLogger(ServedLog.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int CAPACITY = 50_000;

    private final BlockingQueue<Served> queue = new LinkedBlockingQueue<>(CAPACITY);
    private final JdbcClient jdbc;
    private final FatigueStore fatigue;
    private final PrivacyManagement privacy;
    private final TransactionTemplate transactions;
    private final Thread writer;
    private volatile boolean running = true;

    ServedLog(JdbcClient jdbc, FatigueStore fatigue, PrivacyManagement privacy, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.fatigue = fatigue;
        this.privacy = privacy;
        this.transactions = transactions;
        this.writer =
                Thread.ofPlatform().daemon().name("recommendations-served-log").start(this::loop);
    }

    void record(TenantId tenant, Slate slate, String reason, Instant at) {
        Served served = new Served(tenant, slate, reason, at);
        if (!queue.offer(served)) {
            synchronized (this) {
                write(List.of(served));
            }
        }
    }

    /** Writes everything recorded so far before returning (tests, shutdown). */
    public synchronized void flush() {
        List<Served> batch = new ArrayList<>();
        queue.drainTo(batch);
        write(batch);
    }

    @PreDestroy
    void stop() {
        running = false;
        writer.interrupt();
        flush();
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(100);
                flush();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("writing served recommendations failed; they are retried with the next batch", e);
            }
        }
    }

    /** One transaction per tenant for the slates; then the decision-log records, one per slate. */
    private void write(List<Served> batch) {
        Map<TenantId, List<Served>> byTenant = new LinkedHashMap<>();
        for (Served served : batch) {
            byTenant.computeIfAbsent(served.tenant, tenant -> new ArrayList<>()).add(served);
        }
        byTenant.forEach((tenant, slates) -> TenantContext.run(
                tenant, () -> transactions.executeWithoutResult(status -> slates.forEach(this::store))));
        for (Served served : batch) {
            CustomerId customer = customer(served.slate);
            if (customer != null) {
                privacy.recordDecision(served.tenant, decision(customer, served));
            }
        }
    }

    private void store(Served served) {
        Slate slate = served.slate;
        List<String> products =
                slate.items().stream().map(RecommendedItem::productId).toList();
        jdbc.sql("""
                insert into recommendations_served (tenant_id, recommendation_id, customer_id, surface, model_version,
                    product_ids, strategies, served_at)
                values (:tenant, :id, :customer, :surface, :version, :products, :strategies, :at)
                on conflict do nothing""")
                .param("tenant", served.tenant.value())
                .param("id", slate.recommendationId())
                .param("customer", slate.customerId())
                .param("surface", slate.surface())
                .param("version", slate.modelVersion())
                .param("products", products.toArray(String[]::new))
                .param(
                        "strategies",
                        slate.items().stream()
                                .map(item -> item.strategy().name())
                                .toArray(String[]::new))
                .param("at", Timestamp.from(served.at))
                .update();
        CustomerId customer = customer(slate);
        if (customer != null && !products.isEmpty()) {
            fatigue.shown(served.tenant, customer, products, served.at);
        }
    }

    private static Decision decision(CustomerId customer, Served served) {
        Slate slate = served.slate;
        ObjectNode inputs = JSON.createObjectNode()
                .put("recommendationId", slate.recommendationId().toString())
                .put("surface", slate.surface())
                .put("personalized", slate.personalized());
        slate.items()
                .forEach(item ->
                        inputs.withArray("strategies").add(item.strategy().key()));
        String outcome = String.join(
                ",",
                slate.items().stream().map(RecommendedItem::productId).limit(20).toList());
        return new Decision(
                customer,
                "recommendation.served",
                inputs,
                "recommendations@" + slate.modelVersion(),
                outcome.isEmpty() ? "(empty)" : outcome,
                served.reason,
                served.at);
    }

    private static @Nullable CustomerId customer(Slate slate) {
        return slate.customerId() == null ? null : CustomerId.of(slate.customerId());
    }

    private record Served(TenantId tenant, Slate slate, String reason, Instant at) {}
}
