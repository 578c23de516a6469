package io.hearth.cli;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the application without a web server, with the server's database configuration: the
 * embedded database under {@code HEARTH_DATA_DIR} (attaching to it when a server already runs it) or
 * the external one of {@code HEARTH_DB_URL}.
 */
final class CliContext {

    private final Class<?> application;

    CliContext(Class<?> application) {
        this.application = application;
    }

    /** Properties are passed as command-line arguments so that they win over application.yml. */
    ConfigurableApplicationContext start(@Nullable String dataDir) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.main.log-startup-info=false",
                "--hearth.demo.enabled=false",
                "--hearth.db.attach-to-running=true",
                "--hearth.db.pool-size=4",
                // A short-lived command must not pick up the server's due tasks and die holding them.
                "--hearth.scheduler.enabled=false",
                "--logging.level.root=warn",
                "--spring.thymeleaf.check-template-location=false"));
        if (dataDir != null) {
            arguments.add("--hearth.db.data-dir=" + dataDir);
        }
        return new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .run(arguments.toArray(String[]::new));
    }
}
