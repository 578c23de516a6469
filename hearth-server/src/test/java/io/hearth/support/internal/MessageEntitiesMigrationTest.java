package io.hearth.support.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Messages stored before V92 (order numbers as a JSON array of strings) read as order-number entities. */
class MessageEntitiesMigrationTest {

    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID CONVERSATION = UUID.randomUUID();

    @Test
    void oldOrderNumberArraysBecomeOrderNumberEntitiesAndOtherRowsStayAsTheyAre() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource database = postgres.getPostgresDatabase();
            flyway(database, versionBefore92(database)).migrate();
            execute(
                    database,
                    "insert into support_conversation (tenant_id, conversation_id, channel, state, created_at)"
                            + " values ('" + TENANT + "', '" + CONVERSATION + "', 'chat', 'ASSISTANT', now())");
            message(database, "'[\"10001\", \"10003\"]'");
            message(database, "null");
            message(database, "'[]'");

            flyway(database, "92").migrate();

            JsonMapper json = JsonMapper.builder().build();
            try (Connection connection = database.getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet rows =
                            statement.executeQuery("select entities::text from support_message order by seq")) {
                rows.next();
                JsonNode migrated = json.readTree(rows.getString(1));
                assertThat(migrated.size()).isEqualTo(2);
                assertThat(migrated.get(0).get("kind").asString()).isEqualTo("ORDER_NUMBER");
                assertThat(migrated.get(0).get("value").asString()).isEqualTo("10001");
                assertThat(migrated.get(1).get("text").asString()).isEqualTo("10003");
                rows.next();
                assertThat(rows.getString(1)).isNull();
                rows.next();
                assertThat(rows.getString(1)).isEqualTo("[]");
            }
        }
    }

    private static void message(DataSource database, String entities) throws Exception {
        execute(
                database,
                "insert into support_message (tenant_id, message_id, conversation_id, author, body, entities,"
                        + " created_at) values ('" + TENANT + "', '" + UUID.randomUUID() + "', '" + CONVERSATION
                        + "', 'CUSTOMER', 'where are my orders', " + entities + ", now())");
    }

    /** The newest migration before V92, whichever module's it is. */
    private static String versionBefore92(DataSource database) {
        MigrationVersion v92 = MigrationVersion.fromVersion("92");
        return Arrays.stream(flyway(database, "latest").info().all())
                .map(MigrationInfo::getVersion)
                .filter(version -> version != null && version.compareTo(v92) < 0)
                .max(Comparator.naturalOrder())
                .orElseThrow()
                .getVersion();
    }

    private static Flyway flyway(DataSource database, String target) {
        return Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration")
                .placeholders(Map.of("appUser", "hearth_app"))
                .target(target)
                .load();
    }

    private static void execute(DataSource database, String sql) throws Exception {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
