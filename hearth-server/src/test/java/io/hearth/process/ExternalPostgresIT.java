package io.hearth.process;

import static io.hearth.testing.Api.basic;
import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.testing.Api;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The server on a PostgreSQL it did not start ({@code HEARTH_DB_URL}): migrations run as the given
 * owner, the application connects as its own plain role, and the data lands in that server.
 */
class ExternalPostgresIT {

    @Test
    void serverRunsOnAnExternalPostgres() throws Exception {
        Path dataDir = Files.createTempDirectory("hearth-external");
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
            Map<String, String> environment = Map.of(
                    "HEARTH_DB_URL", "jdbc:postgresql://localhost:" + external.getPort() + "/postgres",
                    "HEARTH_DB_USER", "postgres",
                    "HEARTH_DB_PASSWORD", "",
                    "HEARTH_DB_APP_PASSWORD", "app-secret-for-test");
            try (ServerProcess server = ServerProcess.start(dataDir, environment)) {
                Api api = new Api(server.port());
                api.post("/v1/track", basic(ServerProcess.WRITE_KEY), "{\"userId\":\"ext\",\"event\":\"External\"}");

                assertThat(api.get("/v1/events?userId=ext", bearer(ServerProcess.ADMIN_KEY))
                                .json()
                                .get("data"))
                        .hasSize(1);
            }
            try (Connection owner = external.getPostgresDatabase().getConnection();
                    ResultSet rows = owner.createStatement()
                            .executeQuery("select count(*) from ingestion_event where user_id = 'ext'")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(1);
            }
            assertThat(dataDir.resolve("postgres")).doesNotExist();
        }
    }
}
