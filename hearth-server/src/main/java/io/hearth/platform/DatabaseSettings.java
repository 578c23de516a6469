package io.hearth.platform;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Hearth keeps its data. Without {@code url} Hearth runs its own PostgreSQL under {@code dataDir};
 * with it ({@code HEARTH_DB_URL}), it uses that server: {@code user} owns the schema and runs the
 * migrations, and the application itself connects as {@code appUser}, a plain role bound by row-level
 * security.
 *
 * @param dataDir where the embedded database lives ({@code HEARTH_DATA_DIR})
 * @param url JDBC URL of an external PostgreSQL ({@code HEARTH_DB_URL}); empty for embedded
 * @param user schema owner on the external server ({@code HEARTH_DB_USER})
 * @param password its password ({@code HEARTH_DB_PASSWORD})
 * @param appUser the plain role the application connects as
 * @param appPassword its password ({@code HEARTH_DB_APP_PASSWORD}); generated at start when empty
 * @param embeddedPort port of the embedded server; 0 picks a free one
 * @param poolSize maximum pooled connections of the application role
 * @param attachToRunning connect to the embedded server a running Hearth already serves from
 * @param embeddedFsync whether the embedded server flushes commits to disk; only throwaway test
 *     databases turn it off
 *     {@code dataDir} instead of stopping it as an orphan; the CLI sets it, the server never does
 */
@ConfigurationProperties("hearth.db")
public record DatabaseSettings(
        @DefaultValue("./hearth-data") Path dataDir,
        @Nullable String url,
        @DefaultValue("postgres") String user,
        @DefaultValue("") String password,
        @DefaultValue("hearth_app") String appUser,
        @DefaultValue("") String appPassword,
        @DefaultValue("0") int embeddedPort,
        @DefaultValue("16") int poolSize,
        @DefaultValue("false") boolean attachToRunning,
        @DefaultValue("true") boolean embeddedFsync) {

    public boolean embedded() {
        return url == null || url.isBlank();
    }
}
