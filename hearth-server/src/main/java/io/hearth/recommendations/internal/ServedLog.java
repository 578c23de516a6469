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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes what was served off the request path, in batches every 100 ms: the slate (for attribution),
 * one more showing per item (for fatigue) and one decision-log record per customer slate, all of one
 * tenant's batch in a single transaction (one commit and one lock of the tenant's decision chain per
 * batch rather than per slate). Serving thus costs no write; fatigue is counted in memory at once
 * ({@link FatigueStore#served}), attribution waits for the batch. Nothing is dropped: a full queue makes
 * the request write its own slate, and a batch that fails is tried again with the next one.
 */
@Component
public class ServedLog {

    private static final Logger log = LoggerFactory.getLogger(ServedLog.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int CAPACITY = 50_000;
    private static final int DECISION_CHUNK = 500;

    private final BlockingQueue<Served> queue = new LinkedBlockingQueue<>(CAPACITY);
    private final List<Served> failed = new ArrayList<>();
    private final JdbcTemplate jdbc;
    private final FatigueStore fatigue;
    private final PrivacyManagement privacy;
    private final TransactionTemplate transactions;
    private final Thread writer;
    private volatile boolean running = true;

    ServedLog(JdbcTemplate jdbc, FatigueStore fatigue, PrivacyManagement privacy, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.fatigue = fatigue;
        this.privacy = privacy;
        this.transactions = transactions;
        this.writer =
                Thread.ofPlatform().daemon().name("recommendations-served-log").start(this::loop);
    }

    void record(TenantId tenant, Slate slate, String reason, Instant at) {
        Served served = new Served(tenant, slate, reason, at);
        CustomerId customer = customer(slate);
        if (customer != null) {
            fatigue.served(tenant, customer, products(slate));
        }
        if (!queue.offer(served)) {
            synchronized (this) {
                write(List.of(served));
            }
        }
    }

    /** Writes everything recorded so far before returning (tests, shutdown). */
    public synchronized void flush() {
        List<Served> batch = new ArrayList<>(failed);
        failed.clear();
        queue.drainTo(batch);
        if (batch.isEmpty()) {
            return;
        }
        try {
            write(batch);
        } catch (RuntimeException e) {
            failed.addAll(batch);
            throw e;
        }
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

    private void write(List<Served> batch) {
        Map<TenantId, List<Served>> byTenant = new LinkedHashMap<>();
        for (Served served : batch) {
            byTenant.computeIfAbsent(served.tenant, tenant -> new ArrayList<>()).add(served);
        }
        byTenant.forEach((tenant, slates) ->
                TenantContext.run(tenant, () -> transactions.executeWithoutResult(status -> store(tenant, slates))));
    }

    /** The slates in one batched insert, their showings in one upsert, then their decisions. */
    private void store(TenantId tenant, List<Served> slates) {
        jdbc.batchUpdate("""
                insert into recommendations_served (tenant_id, recommendation_id, customer_id, surface, model_version,
                    product_ids, strategies, served_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing""", slates, 500, (statement, served) -> {
            Slate slate = served.slate;
            statement.setObject(1, tenant.value());
            statement.setObject(2, slate.recommendationId());
            statement.setString(3, slate.customerId());
            statement.setString(4, slate.surface());
            statement.setLong(5, slate.modelVersion());
            statement.setArray(
                    6,
                    statement
                            .getConnection()
                            .createArrayOf("text", products(slate).toArray()));
            statement.setArray(
                    7,
                    statement
                            .getConnection()
                            .createArrayOf(
                                    "text",
                                    slate.items().stream()
                                            .map(item -> item.strategy().name())
                                            .toArray()));
            statement.setTimestamp(8, Timestamp.from(served.at));
        });
        List<FatigueStore.Showing> showings = new ArrayList<>();
        Instant latest = slates.getFirst().at;
        for (Served served : slates) {
            String customer = served.slate.customerId();
            if (customer != null) {
                products(served.slate).stream()
                        .distinct()
                        .forEach(product -> showings.add(new FatigueStore.Showing(customer, product)));
            }
            latest = served.at.isAfter(latest) ? served.at : latest;
        }
        fatigue.store(tenant, showings, latest);
        List<Decision> decisions = new ArrayList<>();
        for (Served served : slates) {
            CustomerId customer = customer(served.slate);
            if (customer != null) {
                decisions.add(decision(customer, served));
            }
        }
        // One multi-row insert per chunk: a backlog after a stall stays under PostgreSQL's 65,535 parameters.
        for (int from = 0; from < decisions.size(); from += DECISION_CHUNK) {
            privacy.recordDecisions(tenant, decisions.subList(from, Math.min(decisions.size(), from + DECISION_CHUNK)));
        }
    }

    private static List<String> products(Slate slate) {
        return slate.items().stream().map(RecommendedItem::productId).toList();
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
