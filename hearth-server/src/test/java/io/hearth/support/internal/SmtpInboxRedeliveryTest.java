package io.hearth.support.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.shared.TenantId;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A node that dies after storing a mail, or after handing it over but before marking it handled,
 * leaves the task to run again: the second run neither loses nor doubles the customer's message.
 */
@HearthTest
class SmtpInboxRedeliveryTest {

    @Autowired
    TestTenants tenants;

    @Autowired
    SmtpInboxStore inbox;

    @Autowired
    SmtpInboxTask.Handler handler;

    @Autowired
    ConversationService conversations;

    @Autowired
    MailboxStore mailboxes;

    @Autowired
    JdbcClient jdbc;

    @Test
    void handlingAgainAfterACrashAddsNothing() {
        TenantId tenant = tenants.create().id();
        String id = "<crash-" + UUID.randomUUID() + "@example.test>";
        byte[] raw = ("From: dora@example.test\r\nSubject: Returns\r\nMessage-ID: " + id
                        + "\r\n\r\nHow do I return a parcel?\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        // stored, and the node died before the task ran: nothing is in a conversation yet
        assertThat(conversations.inTenant(tenant, () -> inbox.store(tenant, id, raw, Instant.now())))
                .isTrue();
        assertThat(conversations.inTenant(tenant, () -> inbox.store(tenant, id, raw, Instant.now())))
                .isFalse();

        handler.handle(new SmtpInboxTask.Handle(tenant.value().toString(), id));
        UUID conversation = conversations
                .inTenant(tenant, () -> mailboxes.conversationOf(tenant, List.of(id)))
                .orElseThrow();
        int messages =
                conversations.conversation(tenant, conversation).messages().size();
        assertThat(messages).isEqualTo(2); // hers and the assistant's
        assertThat(conversations
                        .conversation(tenant, conversation)
                        .messages()
                        .getFirst()
                        .text())
                .isEqualTo("How do I return a parcel?");

        // handed over, then the node died before marking it handled: the task runs again
        conversations.inTenant(
                tenant,
                () -> jdbc.sql("update support_smtp_inbox set handled_at = null where tenant_id = :t")
                        .param("t", tenant.value())
                        .update());
        handler.handle(new SmtpInboxTask.Handle(tenant.value().toString(), id));
        assertThat(conversations.conversation(tenant, conversation).messages()).hasSize(messages);
        assertThat(conversations.inTenant(tenant, () -> inbox.unhandled(tenant, id)))
                .isEmpty();
    }

    @Test
    void handledMailIsDroppedAfterItsKeepingTimeAndUnhandledMailNever() {
        TenantId tenant = tenants.create().id();
        String handled = "<old-" + UUID.randomUUID() + "@example.test>";
        String waiting = "<waiting-" + UUID.randomUUID() + "@example.test>";
        Instant longAgo = Instant.now().minus(Duration.ofDays(30));
        conversations.inTenant(tenant, () -> {
            inbox.store(tenant, handled, new byte[] {1}, longAgo);
            inbox.handled(tenant, handled, longAgo);
            return inbox.store(tenant, waiting, new byte[] {2}, longAgo);
        });
        // outside any tenant, as the scheduled purge runs
        assertThat(inbox.purge(Instant.now().minus(Duration.ofDays(7)))).isPositive();
        assertThat(count(tenant, handled)).isZero();
        assertThat(count(tenant, waiting)).isEqualTo(1);
    }

    private long count(TenantId tenant, String messageId) {
        return conversations.inTenant(
                tenant,
                () -> jdbc.sql("select count(*) from support_smtp_inbox where tenant_id = :t and rfc_message_id = :id")
                        .param("t", tenant.value())
                        .param("id", messageId)
                        .query(Long.class)
                        .single());
    }
}
