package io.hearth.ingestion.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Keeps monthly partitions of the event log ready two months ahead. */
@Component
class PartitionMaintenance {

    private static final Logger log = LoggerFactory.getLogger(PartitionMaintenance.class);

    private final JdbcClient jdbc;

    PartitionMaintenance(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(cron = "0 17 3 * * *")
    void ensurePartitions() {
        Integer created = jdbc.sql("select ingestion_ensure_partitions(2)")
                .query(Integer.class)
                .single();
        if (created != null && created > 0) {
            log.info("created {} monthly event-log partitions", created);
        }
    }
}
