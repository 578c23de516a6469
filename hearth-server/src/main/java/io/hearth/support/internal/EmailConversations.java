package io.hearth.support.internal;

import io.hearth.profiles.CustomerProfile;
import io.hearth.profiles.Identifier;
import io.hearth.profiles.IdentifierKind;
import io.hearth.profiles.ProfileManagement;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.TenantId;
import io.hearth.support.Author;
import io.hearth.support.Conversation;
import io.hearth.support.ConversationState;
import io.hearth.support.Reply;
import io.hearth.support.SupportMessage;
import io.hearth.support.SupportProblem;
import jakarta.mail.MessagingException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Customer mail as conversations: a mail answering one Hearth sent (In-Reply-To or References)
 * continues that conversation; a known customer's other mail continues her open conversation on
 * another channel active within {@code hearth.support.email-link-window}; any other starts one on the
 * {@code email} channel for the sender. The assistant's answer and each agent reply go back by mail
 * in the same thread, and an agent can move a chat to email with its history.
 */
@Component
class EmailConversations {

    private static final Logger log = LoggerFactory.getLogger(EmailConversations.class);

    static final String CSAT_PREFIX = "csat-";
    static final String CSAT_QUESTION = "Your conversation with us is resolved. How did we do?\n\n"
            + "Reply to this email with one digit, from 1 (very poor) to 5 (very good).";

    /** "4", "4/5", "5 stars", "3 - it took long": a digit alone, not the start of a sentence such as "2 more things". */
    private static final Pattern RATING = Pattern.compile(
            "([1-5])(?:\\s*(?:/\\s*5|stars?|of 5|out of 5))?\\s*(?:[.!,:;)\\-–—].*)?", Pattern.CASE_INSENSITIVE);

    private final ConversationService conversations;
    private final MailboxStore store;
    private final SupportMailSender sender;
    private final ConversationStore messages;
    private final LinkedConversations linked;
    private final ProfileManagement profiles;
    private final Duration linkWindow;
    private final Clock clock;
    private final Set<TenantId> unanswered = ConcurrentHashMap.newKeySet();

    EmailConversations(
            ConversationService conversations,
            MailboxStore store,
            SupportMailSender sender,
            ConversationStore messages,
            LinkedConversations linked,
            ProfileManagement profiles,
            @Value("${hearth.support.email-link-window:P3D}") Duration linkWindow,
            Clock clock) {
        this.conversations = conversations;
        this.store = store;
        this.sender = sender;
        this.messages = messages;
        this.linked = linked;
        this.profiles = profiles;
        this.linkWindow = linkWindow;
        this.clock = clock;
    }

    /**
     * Answers the conversation the mail went to; empty when there was nothing to answer or it was seen.
     *
     * @param mailbox the tenant's mailbox, whose address and relay the answer goes out by; null (mail
     *     received over SMTP for a tenant without one) stores the conversation without an answer by mail
     */
    Optional<UUID> receive(TenantId tenant, @Nullable Mailbox mailbox, InboundEmail email) {
        String text = email.text().isBlank() ? email.subject() : email.text();
        if (text.isBlank() || conversations.inTenant(tenant, () -> store.seen(tenant, email.messageId()))) {
            return Optional.empty();
        }
        Optional<UUID> rated = rating(tenant, email);
        if (rated.isPresent()) {
            return rated;
        }
        UUID conversation = threaded(tenant, email)
                .or(() -> linked(tenant, email))
                .orElseGet(() ->
                        conversations.start(tenant, "email", email.from(), null).conversationId());
        // The claim and her message commit together (the message is read before, outside the
        // transaction): a failure or a node that dies in between leaves neither, so a second try
        // (the SMTP inbox's task runs again; IMAP flags a failed mail unseen) neither loses nor
        // doubles it. Another node claiming the same mail waits for this commit, then finds it taken.
        Optional<Reply> posted =
                conversations.post(tenant, conversation, clip(text), () -> claim(tenant, conversation, email));
        if (posted.isEmpty()) {
            return Optional.empty(); // another node took it meanwhile
        }
        Reply reply = posted.get();
        if (reply.answer() != null) {
            if (mailbox == null) {
                noMailbox(tenant);
            } else {
                send(tenant, mailbox, conversation, reply.answer().text(), true);
            }
        }
        return Optional.of(conversation);
    }

    /**
     * An agent's reply goes by mail when the conversation has an email thread: it came by email, or
     * it was continued by email. It answers the customer's newest mail, or Hearth's when she has not
     * written yet.
     */
    void agentReplied(TenantId tenant, Conversation conversation, String text) {
        conversations
                .inTenant(tenant, () -> store.mailbox(tenant))
                .ifPresent(mailbox -> send(tenant, mailbox, conversation.conversationId(), text, false));
    }

    /**
     * Asks the customer for her 1–5 rating by mail when a conversation with an email thread is
     * resolved without one. The question's Message-ID starts with {@code csat-}, so her answer to it
     * is told apart from a new question about a closed matter.
     */
    void resolved(TenantId tenant, Conversation conversation) {
        if (conversation.csat() != null) {
            return;
        }
        Optional<Mailbox> mailbox = conversations.inTenant(tenant, () -> store.mailbox(tenant));
        Optional<MailboxStore.Thread> thread =
                conversations.inTenant(tenant, () -> store.thread(tenant, conversation.conversationId()));
        if (mailbox.isEmpty() || thread.isEmpty()) {
            return;
        }
        try {
            SupportMailSender.Sent sent = sender.reply(mailbox.get(), thread.get(), CSAT_QUESTION, true, CSAT_PREFIX);
            conversations.inTenant(
                    tenant,
                    () -> store.record(
                            tenant,
                            sent.messageId(),
                            conversation.conversationId(),
                            "OUT",
                            thread.get().address(),
                            sent.subject(),
                            sent.references(),
                            clock.instant()));
        } catch (MessagingException e) {
            log.warn(
                    "CSAT question of conversation {} was not sent: {}", conversation.conversationId(), e.getMessage());
        }
    }

    /**
     * Her answer to the CSAT question: a mail answering it whose first line is a digit 1 to 5 rates
     * the conversation (the first answer counts), and starts nothing new.
     */
    private Optional<UUID> rating(TenantId tenant, InboundEmail email) {
        Matcher digit = RATING.matcher(firstLine(email.text()));
        if (!digit.matches()) {
            return Optional.empty();
        }
        Optional<UUID> asked = email.threadIds().stream()
                .filter(id -> id.startsWith("<" + CSAT_PREFIX))
                .findFirst()
                .flatMap(id -> conversations.inTenant(tenant, () -> store.conversationOf(tenant, List.of(id))));
        if (asked.isEmpty()) {
            return Optional.empty();
        }
        int score = Integer.parseInt(digit.group(1));
        // The claim and the rating commit together, as a message and its claim do: a second try after
        // a failure in between neither loses the rating nor finds the mail already taken.
        boolean rated = conversations.inTenant(tenant, () -> {
            if (!claim(tenant, asked.get(), email)) {
                return false;
            }
            messages.lock(tenant, asked.get());
            messages.set(tenant, asked.get(), "csat = coalesce(csat, :s)", "s", score);
            return true;
        });
        return rated ? asked : Optional.empty();
    }

    private static String firstLine(String text) {
        return text.strip().lines().findFirst().orElse("").strip();
    }

    /**
     * Sends the conversation so far (notes left out) to the customer's email address, after the
     * agent's text if there is one, which is also added to the conversation as the agent's reply. The
     * mail's Message-ID is recorded, so her answer continues this conversation.
     */
    Conversation continueByEmail(TenantId tenant, UUID id, @Nullable String text) {
        Mailbox mailbox = conversations
                .inTenant(tenant, () -> store.mailbox(tenant))
                .orElseThrow(() -> new HearthProblem(SupportProblem.NO_MAILBOX, "Set up the support mailbox first"));
        String body = text == null || text.isBlank() ? null : ConversationService.checkText(text);
        Conversation conversation = conversations.conversation(tenant, id);
        String address = emailOf(tenant, conversation)
                .orElseThrow(() -> new HearthProblem(
                        SupportProblem.NO_CUSTOMER_EMAIL,
                        "conversation " + id + " has no customer with an email address to continue by email"));
        Conversation updated = conversations.inTenant(tenant, () -> {
            conversations.lock(tenant, id);
            if (body != null) {
                messages.addMessage(
                        tenant,
                        id,
                        new SupportMessage(
                                UUID.randomUUID(), Author.AGENT, body, null, null, null, List.of(), clock.instant()));
                messages.set(
                        tenant,
                        id,
                        "agent_response_at = coalesce(agent_response_at, :now),"
                                + " first_response_at = coalesce(first_response_at, :now)",
                        "now",
                        Timestamp.from(clock.instant()));
            }
            return conversations.view(tenant, id);
        });
        String mail = Transcript.continued(body, updated.messages());
        try {
            SupportMailSender.Sent sent = sender.start(mailbox, address, Transcript.SUBJECT, mail);
            conversations.inTenant(
                    tenant,
                    () -> store.record(
                            tenant, sent.messageId(), id, "OUT", address, sent.subject(), "", clock.instant()));
        } catch (MessagingException e) {
            throw new HearthProblem(SupportProblem.MAIL_NOT_SENT, "The mail relay refused the mail: " + e.getMessage());
        }
        return updated;
    }

    private Optional<String> emailOf(TenantId tenant, Conversation conversation) {
        if (conversation.customerId() == null) {
            return Optional.empty();
        }
        return profiles.profile(tenant, conversation.customerId())
                .flatMap(profile -> profile.identifiers().stream()
                        .filter(identifier -> identifier.kind() == IdentifierKind.EMAIL)
                        .map(Identifier::value)
                        .findFirst());
    }

    /** A known customer's new mail continues her open chat or API conversation of the last days. */
    private Optional<UUID> linked(TenantId tenant, InboundEmail email) {
        return profiles.lookup(tenant, IdentifierKind.EMAIL, email.from())
                .map(CustomerProfile::customerId)
                .flatMap(customer -> conversations.inTenant(
                        tenant,
                        () -> linked.openOnOtherChannel(
                                tenant, customer, clock.instant().minus(linkWindow))));
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
        Optional<MailboxStore.Thread> thread = conversations.inTenant(tenant, () -> store.thread(tenant, conversation));
        if (thread.isEmpty()) {
            return; // no mail in this conversation (a chat, or an email conversation started over the API)
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

    /** Said once per tenant and node: every mail would say it again. */
    private void noMailbox(TenantId tenant) {
        if (unanswered.add(tenant)) {
            log.warn(
                    "tenant {} receives support mail over SMTP but has no support mailbox: conversations are"
                            + " stored and answered in Hearth only, no answer goes out by mail until one is set up",
                    tenant.value());
        }
    }

    private static String clip(String text) {
        String stripped = text.strip();
        return stripped.length() <= ConversationService.MAX_TEXT
                ? stripped
                : stripped.substring(0, ConversationService.MAX_TEXT);
    }
}
