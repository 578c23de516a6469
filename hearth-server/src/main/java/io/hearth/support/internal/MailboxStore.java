package io.hearth.support.internal;

import io.hearth.shared.SecretCipher;
import io.hearth.shared.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Mailboxes and the Message-IDs that thread mail into conversations; in the caller's tenant. */
@Repository
class MailboxStore {

    /**
     * The mail a reply in a conversation answers: the customer's newest one, and the conversation's
     * earlier mails (up to 20, oldest first), which Hearth knows even when a mail client cut its
     * References short.
     */
    record Thread(String messageId, String address, String subject, String references) {}

    private static final Logger log = LoggerFactory.getLogger(MailboxStore.class);

    private final JdbcClient jdbc;
    private final SupportSecrets secrets;

    MailboxStore(JdbcClient jdbc, SupportSecrets secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    void save(TenantId tenant, Mailbox mailbox, Instant now) {
        jdbc.sql("""
                insert into support_mailbox (tenant_id, host, port, ssl, username, password_sealed, folder, address, updated_at)
                values (:t, :host, :port, :ssl, :user, :password, :folder, :address, :now)
                on conflict (tenant_id) do update set host = excluded.host, port = excluded.port, ssl = excluded.ssl,
                  username = excluded.username, password_sealed = excluded.password_sealed, folder = excluded.folder,
                  address = excluded.address, updated_at = excluded.updated_at, last_error = null
                """)
                .param("t", tenant.value())
                .param("host", mailbox.host())
                .param("port", mailbox.port())
                .param("ssl", mailbox.ssl())
                .param("user", mailbox.username())
                .param("password", secrets.sealMailboxPassword(tenant, mailbox.password()))
                .param("folder", mailbox.folder())
                .param("address", mailbox.address())
                .param("now", Timestamp.from(now))
                .update();
    }

    /**
     * The tenant's mailbox with its password opened; an empty password when this server's secret key
     * cannot open it (the key was lost or changed without the previous one), so that the settings stay
     * readable and replies still go out while the poll reports the problem.
     */
    Optional<Mailbox> mailbox(TenantId tenant) {
        return jdbc.sql("select host, port, ssl, username, password_sealed, folder, address from support_mailbox"
                        + " where tenant_id = :t")
                .param("t", tenant.value())
                .query((rs, n) -> new Mailbox(
                        rs.getString("host"),
                        rs.getInt("port"),
                        rs.getBoolean("ssl"),
                        rs.getString("username"),
                        password(tenant, rs.getString("password_sealed")),
                        rs.getString("folder"),
                        rs.getString("address")))
                .optional();
    }

    private String password(TenantId tenant, String sealed) {
        try {
            return secrets.openMailboxPassword(tenant, sealed);
        } catch (SecretCipher.Unreadable e) {
            log.warn("the support mailbox password of tenant {} cannot be opened: {}", tenant.value(), e.getMessage());
            return "";
        }
    }

    boolean delete(TenantId tenant) {
        return jdbc.sql("delete from support_mailbox where tenant_id = :t")
                        .param("t", tenant.value())
                        .update()
                > 0;
    }

    void polled(TenantId tenant, Instant at, @Nullable String error) {
        jdbc.sql("update support_mailbox set last_polled_at = :at, last_error = :error where tenant_id = :t")
                .param("t", tenant.value())
                .param("at", Timestamp.from(at))
                .param("error", error)
                .update();
    }

    /** Every tenant with a mailbox, the longest unpolled first; outside any tenant. */
    List<TenantId> tenants() {
        return jdbc.sql("select tenant_id from support_mailbox_tenants()")
                .query((rs, n) -> new TenantId(rs.getObject("tenant_id", UUID.class)))
                .list();
    }

    /** The conversation of the first of these Message-IDs Hearth has seen. */
    Optional<UUID> conversationOf(TenantId tenant, List<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select e.conversation_id from support_email e
                join unnest(cast(:ids as text[])) with ordinality as wanted(id, n) on e.rfc_message_id = wanted.id
                where e.tenant_id = :t order by wanted.n limit 1
                """)
                .param("t", tenant.value())
                .param("ids", messageIds.toArray(String[]::new))
                .query(UUID.class)
                .optional();
    }

    /** Records a mail of the conversation; false when its Message-ID was recorded already. */
    boolean record(
            TenantId tenant,
            String messageId,
            UUID conversation,
            String direction,
            String address,
            String subject,
            String references,
            Instant at) {
        return jdbc.sql("""
                        insert into support_email (tenant_id, rfc_message_id, conversation_id, direction, address,
                          subject, references_ids, created_at)
                        values (:t, :id, :c, :direction, :address, :subject, :refs, :at)
                        on conflict do nothing
                        """)
                        .param("t", tenant.value())
                        .param("id", messageId)
                        .param("c", conversation)
                        .param("direction", direction)
                        .param("address", address)
                        .param("subject", subject)
                        .param("refs", references)
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    /** Whether this Message-ID is one Hearth sent or read in that conversation. */
    boolean of(TenantId tenant, String messageId, UUID conversation) {
        return jdbc.sql("select count(*) from support_email where tenant_id = :t and rfc_message_id = :id"
                                + " and conversation_id = :c")
                        .param("t", tenant.value())
                        .param("id", messageId)
                        .param("c", conversation)
                        .query(Long.class)
                        .single()
                > 0;
    }

    boolean seen(TenantId tenant, String messageId) {
        return jdbc.sql("select count(*) from support_email where tenant_id = :t and rfc_message_id = :id")
                        .param("t", tenant.value())
                        .param("id", messageId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * The mail a reply answers: the customer's newest, or, before she wrote any, Hearth's newest (a
     * conversation begun on another channel and continued by email).
     */
    Optional<Thread> thread(TenantId tenant, UUID conversation) {
        return jdbc.sql("""
                select e.rfc_message_id, e.address, e.subject,
                  coalesce((select string_agg(earlier.rfc_message_id, ' ' order by earlier.created_at)
                            from (select rfc_message_id, created_at from support_email
                                  where tenant_id = :t and conversation_id = :c and rfc_message_id <> e.rfc_message_id
                                  order by created_at desc limit 20) earlier), '') as earlier_ids
                from support_email e
                where e.tenant_id = :t and e.conversation_id = :c
                order by e.direction = 'IN' desc, e.created_at desc limit 1
                """)
                .param("t", tenant.value())
                .param("c", conversation)
                .query((rs, n) -> new Thread(
                        rs.getString("rfc_message_id"),
                        rs.getString("address"),
                        rs.getString("subject"),
                        rs.getString("earlier_ids")))
                .optional();
    }
}
