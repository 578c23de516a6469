package io.hearth.support.internal;

import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What tests outside the package need of the SMTP receiver and its inbox. */
public final class SupportSmtp {

    private SupportSmtp() {}

    /** The port the receiver listens on (a free one in tests). */
    public static int port(ApplicationContext context) {
        return context.getBean(SmtpReceiver.class).port();
    }

    /** The conversation the mail of this Message-ID went to, once it was handled. */
    public static Optional<UUID> conversationOf(ApplicationContext context, TenantId tenant, String messageId) {
        ConversationService conversations = context.getBean(ConversationService.class);
        MailboxStore store = context.getBean(MailboxStore.class);
        return conversations.inTenant(tenant, () -> store.conversationOf(tenant, List.of(messageId)));
    }

    /** How many inbox rows hold mail of this Message-ID for the tenant, and how many of them are handled. */
    public static long[] stored(ApplicationContext context, TenantId tenant, String messageId) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        return context.getBean(ConversationService.class)
                .inTenant(
                        tenant,
                        () -> jdbc.sql("select count(*), count(handled_at) from support_smtp_inbox"
                                        + " where tenant_id = :t and rfc_message_id = :id")
                                .param("t", tenant.value())
                                .param("id", messageId)
                                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                                .single());
    }

    /** The message ids of every stored mail of the tenant (to see a mail without Message-ID got a stable one). */
    public static List<String> storedIds(ApplicationContext context, TenantId tenant) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        return TenantContext.call(
                tenant,
                () -> context.getBean(ConversationService.class)
                        .inTenant(
                                tenant,
                                () -> jdbc.sql("select rfc_message_id from support_smtp_inbox where tenant_id = :t"
                                                + " order by received_at")
                                        .param("t", tenant.value())
                                        .query(String.class)
                                        .list()));
    }
}
