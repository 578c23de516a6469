package io.hearth.support.internal;

import io.hearth.ml.retrieval.RetrievedPassage;
import io.hearth.profiles.CustomerProfile;
import io.hearth.profiles.IdentifierKind;
import io.hearth.profiles.ProfileManagement;
import io.hearth.shared.CustomerId;
import io.hearth.shared.FieldError;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import io.hearth.support.Author;
import io.hearth.support.Conversation;
import io.hearth.support.ConversationState;
import io.hearth.support.PriorityFactor;
import io.hearth.support.Reply;
import io.hearth.support.SupportMessage;
import io.hearth.support.SupportProblem;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Conversations: started for a customer found by email or user id, customer messages read and
 * answered by the assistant. The message is read (embedding, intent, search) before the transaction
 * opens, so the model's work never holds a row lock.
 */
@Service
public class ConversationService {

    static final int MAX_TEXT = 4000;
    private static final TypeReference<List<PriorityFactor>> FACTORS = new TypeReference<>() {};

    private final ConversationStore store;
    private final MessageReader reader;
    private final KnowledgeBase knowledge;
    private final Assistant assistant;
    private final PolicyStore policies;
    private final ProfileManagement profiles;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final GroundedAnswers generative;
    private final Clock clock;

    ConversationService(
            ConversationStore store,
            MessageReader reader,
            KnowledgeBase knowledge,
            Assistant assistant,
            PolicyStore policies,
            ProfileManagement profiles,
            TransactionTemplate transactions,
            JsonMapper json,
            GroundedAnswers generative,
            Clock clock) {
        this.generative = generative;
        this.store = store;
        this.reader = reader;
        this.knowledge = knowledge;
        this.assistant = assistant;
        this.policies = policies;
        this.profiles = profiles;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    public Conversation start(TenantId tenant, String channel, @Nullable String email, @Nullable String userId) {
        CustomerId customer = customer(tenant, email, userId);
        UUID id = UUID.randomUUID();
        inTenant(tenant, () -> {
            store.create(tenant, id, customer, channel, clock.instant());
            return null;
        });
        return conversation(tenant, id);
    }

    public Reply post(TenantId tenant, UUID conversationId, String text) {
        return post(tenant, conversationId, text, () -> true).orElseThrow();
    }

    /**
     * Posts the message only if {@code claim}, run first in the transaction that stores it, answers
     * true: a mail's Message-ID is claimed and her message stored together, so a node that dies in
     * between leaves neither. Empty, with nothing stored, when the claim fails.
     */
    Optional<Reply> post(TenantId tenant, UUID conversationId, String text, BooleanSupplier claim) {
        String body = checkText(text);
        Reading reading = reader.read(tenant, body);
        List<RetrievedPassage> passages = knowledge.search(tenant, body, reading.embedding(), 3);
        GroundedAnswers.Generation generated = generative.enabled() && knowledgeMayAnswer(tenant, reading)
                ? generative.answer(body, passages)
                : GroundedAnswers.NONE;
        Message message = new Message(body, reading, passages, generated);
        return inTenant(tenant, () -> {
            if (!claim.getAsBoolean()) {
                return Optional.empty();
            }
            ConversationRow row = lock(tenant, conversationId);
            SupportMessage customerMessage = customerMessage(body, reading);
            store.addMessage(tenant, conversationId, customerMessage);
            if (row.state() == ConversationState.ESCALATED) {
                store.set(tenant, conversationId, "last_intent = :intent", "intent", reading.intent());
                return Optional.of(new Reply(customerMessage, null, null, null, view(tenant, conversationId)));
            }
            Assistant.Turn turn = assistant.respond(tenant, row, message, policies.policy(tenant));
            SupportMessage answer = new SupportMessage(
                    UUID.randomUUID(), Author.ASSISTANT, turn.answer(), null, null, null, List.of(), clock.instant());
            store.addMessage(tenant, conversationId, answer);
            store.set(
                    tenant,
                    conversationId,
                    "last_intent = :intent, first_response_at = coalesce(first_response_at, :now),"
                            + " failures = failures + :failed",
                    "intent",
                    reading.intent(),
                    "now",
                    Timestamp.from(answer.createdAt()),
                    "failed",
                    turn.failed() ? 1 : 0);
            return Optional.of(new Reply(
                    customerMessage, answer, turn.automation(), turn.escalation(), view(tenant, conversationId)));
        });
    }

    /**
     * Whether the assistant may answer this message from the knowledge base, so that the generative
     * endpoint is only asked when its answer can be used: not for an order automation's intent.
     */
    private boolean knowledgeMayAnswer(TenantId tenant, Reading reading) {
        if (!Assistant.AUTOMATED.contains(reading.intent())) {
            return true;
        }
        return !Escalations.confident(reading, inTenant(tenant, () -> policies.policy(tenant)));
    }

    /**
     * Lets the customer's own browser (a write key) into a conversation. One linked to a customer
     * needs a token of that customer, so a leaked conversation id reveals no orders; an anonymous one
     * is linked to the customer a valid token names (she signed in during the chat).
     *
     * @param verifiedUserId the user id of a verified customer token, or null without one
     */
    public void admit(TenantId tenant, UUID conversationId, @Nullable String verifiedUserId) {
        CustomerId claimed = verifiedUserId == null ? null : customer(tenant, null, verifiedUserId);
        inTenant(tenant, () -> {
            ConversationRow row = store.lock(tenant, conversationId).orElseThrow(() -> unknown(conversationId));
            if (row.customerId() == null) {
                if (claimed != null && row.state() != ConversationState.RESOLVED) {
                    store.set(tenant, conversationId, "customer_id = :customer", "customer", claimed.value());
                }
                return null;
            }
            if (verifiedUserId == null) {
                throw CustomerTokens.invalid("is required: this conversation belongs to a signed-in customer");
            }
            if (!row.customerId().equals(claimed)) {
                throw CustomerTokens.invalid("names another customer than the one of this conversation");
            }
            return null;
        });
    }

    public Conversation conversation(TenantId tenant, UUID conversationId) {
        return inTenant(tenant, () -> view(tenant, conversationId));
    }

    /** The conversation with its messages; in the caller's transaction. */
    Conversation view(TenantId tenant, UUID conversationId) {
        ConversationRow row = store.lock(tenant, conversationId).orElseThrow(() -> unknown(conversationId));
        return toConversation(row, store.messages(tenant, conversationId));
    }

    Conversation toConversation(ConversationRow row, List<SupportMessage> messages) {
        List<PriorityFactor> why = row.whyJson() == null ? List.of() : json.readValue(row.whyJson(), FACTORS);
        return new Conversation(
                row.conversationId(),
                row.customerId(),
                row.channel(),
                row.state(),
                row.queue(),
                row.reason(),
                row.effectivePriority(),
                why,
                row.override() != null,
                row.csat(),
                row.createdAt(),
                row.escalatedAt(),
                row.slaBreachedAt(),
                row.assignedTo(),
                messages);
    }

    ConversationRow lock(TenantId tenant, UUID conversationId) {
        ConversationRow row = store.lock(tenant, conversationId).orElseThrow(() -> unknown(conversationId));
        if (row.state() == ConversationState.RESOLVED) {
            throw new HearthProblem(
                    SupportProblem.CONVERSATION_CLOSED,
                    "conversation " + conversationId + " is resolved; start a new one");
        }
        return row;
    }

    static String checkText(@Nullable String text) {
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            throw new HearthProblem(
                    SupportProblem.INVALID_MESSAGE,
                    "the message text is missing or too long",
                    List.of(new FieldError("/text", "must be 1 to " + MAX_TEXT + " characters")));
        }
        return text.strip();
    }

    static HearthProblem unknown(UUID conversationId) {
        return new HearthProblem(SupportProblem.UNKNOWN_CONVERSATION, "No conversation has this id");
    }

    private SupportMessage customerMessage(String body, Reading reading) {
        return new SupportMessage(
                UUID.randomUUID(),
                Author.CUSTOMER,
                body,
                reading.intent(),
                Math.round(reading.confidence() * 1000) / 1000.0,
                Math.round(reading.sentiment() * 1000) / 1000.0,
                reading.orderNumbers(),
                reading.entities(),
                clock.instant());
    }

    private @Nullable CustomerId customer(TenantId tenant, @Nullable String email, @Nullable String userId) {
        if (userId != null && !userId.isBlank()) {
            return profiles.lookup(tenant, IdentifierKind.USER_ID, userId)
                    .map(CustomerProfile::customerId)
                    .orElse(null);
        }
        if (email != null && !email.isBlank()) {
            return profiles.lookup(tenant, IdentifierKind.EMAIL, email)
                    .map(CustomerProfile::customerId)
                    .orElse(null);
        }
        return null;
    }

    <T> T inTenant(TenantId tenant, Supplier<T> work) {
        return TenantContext.call(tenant, () -> transactions.execute(status -> work.get()));
    }
}
