package io.hearth.support.internal;

import io.hearth.shared.TenantId;
import io.hearth.support.Conversation;
import io.hearth.support.ConversationState;
import io.hearth.support.Reply;
import jakarta.mail.MessagingException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Customer mail as conversations: a mail answering one Hearth sent (In-Reply-To or References)
 * continues that conversation, any other starts one on the {@code email} channel for the sender. The
 * assistant's answer and each agent reply go back by mail in the same thread.
 */
@Component
class EmailConversations {

    private static final Logger log = LoggerFactory.getLogger(EmailConversations.class);

    private final ConversationService conversations;
    private final MailboxStore store;
    private final SupportMailSender sender;
    private final Clock clock;

    EmailConversations(ConversationService conversations, MailboxStore store, SupportMailSender sender, Clock clock) {
        this.conversations = conversations;
        this.store = store;
        this.sender = sender;
        this.clock = clock;
    }

    /** Answers the conversation the mail went to; empty when there was nothing to answer or it was seen. */
    Optional<UUID> receive(TenantId tenant, Mailbox mailbox, InboundEmail email) {
        String text = email.text().isBlank() ? email.subject() : email.text();
        if (text.isBlank() || conversations.inTenant(tenant, () -> store.seen(tenant, email.messageId()))) {
            return Optional.empty();
        }
        UUID conversation = threaded(tenant, email)
                .orElseGet(() ->
                        conversations.start(tenant, "email", email.from(), null).conversationId());
        if (!claim(tenant, conversation, email)) {
            return Optional.empty(); // another node took it meanwhile
        }
        Reply reply;
        try {
            reply = conversations.post(tenant, conversation, clip(text));
        } catch (RuntimeException e) {
            conversations.inTenant(tenant, () -> store.forget(tenant, email.messageId()));
            throw e;
        }
        if (reply.answer() != null) {
            send(tenant, mailbox, conversation, reply.answer().text(), true);
        }
        return Optional.of(conversation);
    }

    /** An agent's reply in an email conversation goes to the customer's newest mail. */
    void agentReplied(TenantId tenant, Conversation conversation, String text) {
        if (!"email".equals(conversation.channel())) {
            return;
        }
        conversations
                .inTenant(tenant, () -> store.mailbox(tenant))
                .ifPresent(mailbox -> send(tenant, mailbox, conversation.conversationId(), text, false));
    }

    private Optional<UUID> threaded(TenantId tenant, InboundEmail email) {
        return conversations
                .inTenant(tenant, () -> store.conversationOf(tenant, email.threadIds()))
                .filter(id -> conversations.conversation(tenant, id).state() != ConversationState.RESOLVED);
    }

    private boolean claim(TenantId tenant, UUID conversation, InboundEmail email) {
        List<String> oldestFirst = new ArrayList<>(email.threadIds());
        Collections.reverse(oldestFirst);
        return conversations.inTenant(
                tenant,
                () -> store.record(
                        tenant,
                        email.messageId(),
                        conversation,
                        "IN",
                        email.from(),
                        email.subject(),
                        String.join(" ", oldestFirst),
                        clock.instant()));
    }

    private void send(TenantId tenant, Mailbox mailbox, UUID conversation, String text, boolean automatic) {
        Optional<MailboxStore.Thread> thread =
                conversations.inTenant(tenant, () -> store.lastInbound(tenant, conversation));
        if (thread.isEmpty()) {
            return; // an email conversation started over the API: no mail to answer
        }
        try {
            SupportMailSender.Sent sent = sender.reply(mailbox, thread.get(), text, automatic);
            conversations.inTenant(
                    tenant,
                    () -> store.record(
                            tenant,
                            sent.messageId(),
                            conversation,
                            "OUT",
                            thread.get().address(),
                            sent.subject(),
                            sent.references(),
                            clock.instant()));
        } catch (MessagingException e) {
            // the answer stays in the conversation for the agents; the relay's refusal is for the operator
            log.warn("support reply in conversation {} was not sent: {}", conversation, e.getMessage());
        }
    }

    private static String clip(String text) {
        String stripped = text.strip();
        return stripped.length() <= ConversationService.MAX_TEXT
                ? stripped
                : stripped.substring(0, ConversationService.MAX_TEXT);
    }
}
