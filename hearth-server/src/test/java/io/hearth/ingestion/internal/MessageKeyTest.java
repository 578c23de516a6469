package io.hearth.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.testing.HearthTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The claim key the server computes for a message id is the one migration V100 computed in SQL for
 * the ids stored before it, so an event resent after an upgrade is still a duplicate.
 */
@HearthTest
class MessageKeyTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theServersKeyOfAMessageIdIsTheMigrationsKey() {
        for (String messageId :
                List.of("ajs-next-1a2b3c", UUID.randomUUID().toString(), "zürich-ünïcødé-✓", "x".repeat(500))) {
            UUID inSql = jdbc.sql("select encode(substr(sha256(convert_to(:id, 'UTF8')), 1, 16), 'hex')::uuid")
                    .param("id", messageId)
                    .query(UUID.class)
                    .single();

            assertThat(EventLog.messageKey(EventLog.sha256(), messageId))
                    .as(messageId)
                    .isEqualTo(inSql);
        }
    }

    @Test
    void differentIdsGetDifferentKeys() {
        assertThat(EventLog.messageKey(EventLog.sha256(), "a"))
                .isNotEqualTo(EventLog.messageKey(EventLog.sha256(), "b"));
    }
}
