package io.hearth;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Hearth: one process, one embedded (or external) PostgreSQL, every capability as a module. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(sharedModules = "shared")
public class HearthApplication {

    public static void main(String[] args) {
        SpringApplication.run(HearthApplication.class, args);
    }
}
