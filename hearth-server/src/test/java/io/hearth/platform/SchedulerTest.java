package io.hearth.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import io.hearth.testing.HearthTest;
import io.hearth.testing.SchedulerProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

@HearthTest
class SchedulerTest {

    private static final TaskDescriptor<String> PROBE = TaskDescriptor.of("test-probe", String.class);

    @Autowired
    SchedulerClient scheduler;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("schedulerLifecycle")
    SmartLifecycle executor;

    @Test
    void aScheduledTaskRunsOnceAndLeavesNoRow() {
        String instance = UUID.randomUUID().toString();

        scheduler.scheduleIfNotExists(PROBE.instance(instance).data("hello").scheduledTo(Instant.now()));
        scheduler.scheduleIfNotExists(PROBE.instance(instance).data("again").scheduledTo(Instant.now()));

        await().atMost(Duration.ofSeconds(10)).until(() -> SchedulerProbe.RAN.contains(instance + ":hello"));
        assertThat(SchedulerProbe.RAN).doesNotContain(instance + ":again");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> jdbc.sql("select count(*) from scheduled_tasks where task_instance = :id")
                                .param("id", instance)
                                .query(Long.class)
                                .single()
                        == 0L);
    }

    @Test
    void aStoppedNodeKeepsWorkThatWasScheduledAndRunsItOnceStartedAgain() {
        String instance = UUID.randomUUID().toString();
        executor.stop();
        try {
            scheduler.scheduleIfNotExists(PROBE.instance(instance).data("later").scheduledTo(Instant.now()));
            assertThat(executor.isRunning()).isFalse();
            assertThat(SchedulerProbe.RAN).doesNotContain(instance + ":later");
        } finally {
            executor.start();
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> SchedulerProbe.RAN.contains(instance + ":later"));
    }
}
