package io.hearth.support.internal;

import io.hearth.shared.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Mail received over SMTP, kept until handed to the conversations; in the caller's tenant. */
@Repository
class SmtpInboxStore {

    private final JdbcClient jdbc;

    SmtpInboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the mail; false when this Message-ID was stored already (a retry, or another sender). */
    boolean store(TenantId tenant, String messageId, byte[] raw, Instant at) {
        return jdbc.sql("""
                        insert into support_smtp_inbox (tenant_id, rfc_message_id, raw, received_at)
                        values (:t, :id, :raw, :at)
                        on conflict (tenant_id, rfc_message_id) do nothing
                        """)
                        .param("t", tenant.value())
                        .param("id", messageId)
                        .param("raw", raw)
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    Optional<byte[]> unhandled(TenantId tenant, String messageId) {
        return jdbc.sql("select raw from support_smtp_inbox where tenant_id = :t and rfc_message_id = :id"
                        + " and handled_at is null")
                .param("t", tenant.value())
                .param("id", messageId)
                .query((rs, n) -> rs.getBytes("raw"))
                .optional();
    }

    /** Drops mail handled before this instant, of every tenant; answers how many. */
    int purge(Instant handledBefore) {
        return jdbc.sql("select support_smtp_inbox_purge(:before)")
                .param("before", Timestamp.from(handledBefore))
                .query(Integer.class)
                .single();
    }

    void handled(TenantId tenant, String messageId, Instant at) {
        jdbc.sql("update support_smtp_inbox set handled_at = :at where tenant_id = :t and rfc_message_id = :id")
                .param("t", tenant.value())
                .param("id", messageId)
                .param("at", Timestamp.from(at))
                .update();
    }
}
