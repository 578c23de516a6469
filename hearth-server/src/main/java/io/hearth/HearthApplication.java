package io.hearth;

import io.hearth.cli.HearthCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Hearth: one process, one embedded (or external) PostgreSQL, every capability as a module. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@EnableAsync
@Modulithic(sharedModules = "shared")
public class HearthApplication {

    /** {@code hearth import …} runs a command (see {@link HearthCli}); anything else runs the server. */
    public static void main(String[] args) {
        if (HearthCli.isCommand(args)) {
            System.exit(HearthCli.run(HearthApplication.class, args));
        }
        SpringApplication.run(HearthApplication.class, args);
    }
}
