package io.hearth.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The database: the embedded server (unless {@code HEARTH_DB_URL} is set), migrations as the schema
 * owner, and the application's pool as the plain role that row-level security binds.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedDatabaseHolder embeddedDatabase(DatabaseSettings settings) {
        if (!settings.embedded()) {
            return new EmbeddedDatabaseHolder(null);
        }
        EmbeddedDatabase database = settings.attachToRunning()
                ? EmbeddedDatabase.attachOrStart(settings.dataDir(), settings.embeddedPort(), settings.embeddedFsync())
                : EmbeddedDatabase.start(settings.dataDir(), settings.embeddedPort(), settings.embeddedFsync());
        return new EmbeddedDatabaseHolder(database);
    }

    @Bean
    DatabaseAddress databaseAddress(DatabaseSettings settings, EmbeddedDatabaseHolder embedded) {
        String url = embedded.database() != null ? embedded.database().jdbcUrl() : settings.url();
        String appPassword = settings.appPassword().isBlank() ? randomPassword() : settings.appPassword();
        return new DatabaseAddress(url, settings.user(), settings.password(), settings.appUser(), appPassword);
    }

    @Bean
    SchemaMigrations schemaMigrations(DatabaseAddress address, ObjectProvider<JavaMigration> javaMigrations) {
        // Modules contribute Java migrations as beans when a change needs more than SQL (sealing secrets)
        Flyway flyway = Flyway.configure()
                .dataSource(address.url(), address.ownerUser(), address.ownerPassword())
                .locations("classpath:db/migration")
                .javaMigrations(javaMigrations.orderedStream().toArray(JavaMigration[]::new))
                .placeholders(Map.of("appUser", address.appUser()))
                .load();
        flyway.migrate();
        setAppPassword(address);
        return new SchemaMigrations(flyway.info().current().getVersion().toString());
    }

    @Bean(destroyMethod = "close")
    HikariDataSource applicationPool(DatabaseAddress address, DatabaseSettings settings, SchemaMigrations migrated) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("hearth");
        config.setJdbcUrl(address.url());
        config.setUsername(address.appUser());
        config.setPassword(address.appPassword());
        config.setMaximumPoolSize(settings.poolSize());
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("ApplicationName", "hearth");
        return new HikariDataSource(config);
    }

    @Bean
    @Primary
    DataSource dataSource(HikariDataSource applicationPool) {
        return new TenantBoundDataSource(applicationPool);
    }

    private static void setAppPassword(DatabaseAddress address) {
        try (Connection owner =
                        DriverManager.getConnection(address.url(), address.ownerUser(), address.ownerPassword());
                Statement statement = owner.createStatement()) {
            statement.execute(
                    "alter role " + address.appUser() + " with login password '" + address.appPassword() + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the application database role", e);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Wraps the optional embedded server so that it is a bean that closes with the context. */
    record EmbeddedDatabaseHolder(@Nullable EmbeddedDatabase database) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (database != null) {
                database.close();
            }
        }
    }

    /** The schema version after migrations; a dependency marker so the pool opens only after them. */
    record SchemaMigrations(String version) {}
}
