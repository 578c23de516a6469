package io.hearth.testing;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** A one-time task that records the instance ids it ran, to prove the shared scheduler executes work. */
@TestConfiguration(proxyBeanMethods = false)
public class SchedulerProbe {

    public static final Set<String> RAN = ConcurrentHashMap.newKeySet();

    @Bean
    OneTimeTask<String> probeTask() {
        return Tasks.oneTime("test-probe", String.class)
                .execute((instance, context) -> RAN.add(instance.getId() + ":" + instance.getData()));
    }
}
