package io.hearth.messaging.internal;

import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Makes the next attempt of messages whose backoff has passed, by the injected clock. Several nodes
 * may run it: the claim in {@link Dispatcher#attempt} lets one of them have each message.
 */
@Component
class RetryJob {

    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final Dispatcher dispatcher;
    private final Clock clock;

    RetryJob(JdbcClient jdbc, Dispatcher dispatcher, Clock clock) {
        this.jdbc = jdbc;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${hearth.messaging.retry-check:PT10S}")
    void retryDue() {
        jdbc.sql("select tenant_id, message_id from messaging_due_retries(:now, :limit)")
                .param("now", Timestamp.from(clock.instant()))
                .param("limit", BATCH)
                .query((rs, row) -> new Due(
                        new TenantId(rs.getObject("tenant_id", UUID.class)), rs.getObject("message_id", UUID.class)))
                .list()
                .forEach(due -> TenantContext.run(due.tenant(), () -> dispatcher.attempt(due.tenant(), due.message())));
    }

    private record Due(TenantId tenant, UUID message) {}
}
