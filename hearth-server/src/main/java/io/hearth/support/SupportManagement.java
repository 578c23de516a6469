package io.hearth.support;

import io.hearth.shared.TenantId;
import io.hearth.support.internal.AgentDesk;
import io.hearth.support.internal.ConversationService;
import io.hearth.support.internal.CustomerTokens;
import io.hearth.support.internal.SupportAdmin;
import io.hearth.support.internal.SupportReports;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The support facade: conversations and the assistant, the agents' desk, and the shop's intents,
 * articles and policy. Every method enters the given tenant itself.
 */
@Service
public class SupportManagement {

    private final ConversationService conversations;
    private final AgentDesk desk;
    private final SupportAdmin admin;
    private final SupportReports reports;
    private final CustomerTokens tokens;

    SupportManagement(
            ConversationService conversations,
            AgentDesk desk,
            SupportAdmin admin,
            SupportReports reports,
            CustomerTokens tokens) {
        this.conversations = conversations;
        this.tokens = tokens;
        this.desk = desk;
        this.admin = admin;
        this.reports = reports;
    }

    /** Starts a conversation, linked to the profile with this user id (first) or email when there is one. */
    public Conversation start(TenantId tenant, String channel, @Nullable String email, @Nullable String userId) {
        return conversations.start(tenant, channel, email, userId);
    }

    /**
     * The shop's user id a signed customer token names (an HS256 JSON Web Token under the tenant's
     * widget secret, with {@code sub} and an {@code exp} at most 24 hours ahead).
     *
     * @throws io.hearth.shared.HearthProblem {@link SupportProblem#INVALID_CUSTOMER_TOKEN} naming the
     *     header when it is malformed, badly signed or expired
     */
    public String verifyCustomerToken(TenantId tenant, String token) {
        return tokens.verify(tenant, token);
    }

    /**
     * Checks that the customer's browser may use the conversation: one linked to a customer needs
     * that customer's verified user id; an anonymous one is linked to the verified customer, if any.
     *
     * @throws io.hearth.shared.HearthProblem {@link SupportProblem#INVALID_CUSTOMER_TOKEN} when the
     *     conversation is a customer's and the user id is missing or another's
     */
    public void admit(TenantId tenant, UUID conversation, @Nullable String verifiedUserId) {
        conversations.admit(tenant, conversation, verifiedUserId);
    }

    /**
     * Makes a new widget secret, answered only here. The one before stays valid for 24 hours (the
     * longest a token lives) unless {@code revokePrevious}.
     */
    public WidgetSecret rotateWidgetSecret(TenantId tenant, boolean revokePrevious) {
        return tokens.rotate(tenant, revokePrevious);
    }

    /** The widget secret's dates, without the secret. */
    public Optional<WidgetSecret> widgetSecret(TenantId tenant) {
        return tokens.current(tenant);
    }

    /** A customer message, read and (unless an agent has the conversation) answered by the assistant. */
    public Reply post(TenantId tenant, UUID conversation, String text) {
        return conversations.post(tenant, conversation, text);
    }

    public Conversation conversation(TenantId tenant, UUID conversation) {
        return conversations.conversation(tenant, conversation);
    }

    /** Escalated conversations of a queue (null for all), highest priority first, without messages. */
    public List<Conversation> queue(TenantId tenant, @Nullable String queue, int limit) {
        return desk.queue(tenant, queue, null, limit);
    }

    /**
     * Escalated conversations of a queue (null for all) and of an assignee (null for any), highest
     * priority first, without messages.
     */
    public List<Conversation> queue(TenantId tenant, @Nullable String queue, @Nullable String assignee, int limit) {
        return desk.queue(tenant, queue, assignee, limit);
    }

    /**
     * Assigns an escalated conversation to an agent (the shop's own name for them, 1 to 100
     * characters), or with null back to its queue. Idempotent. Handing it back to the assistant ends
     * the assignment.
     *
     * @throws io.hearth.shared.HearthProblem {@link SupportProblem#NOT_ESCALATED} when the assistant has
     *     it, {@link SupportProblem#INVALID_MESSAGE} naming {@code /agent} for a bad name
     */
    public Conversation assign(TenantId tenant, UUID conversation, @Nullable String agent) {
        return desk.assign(tenant, conversation, agent);
    }

    public ContextPackage context(TenantId tenant, UUID conversation) {
        return desk.context(tenant, conversation);
    }

    /** An agent's reply to the customer, or with {@code internalNote} a note only agents see. */
    public Conversation agentMessage(TenantId tenant, UUID conversation, String text, boolean internalNote) {
        return desk.reply(tenant, conversation, text, internalNote);
    }

    /** The agent's own priority for the ticket, kept beside the computed one and its why. */
    public Conversation overridePriority(TenantId tenant, UUID conversation, double priority) {
        return desk.override(tenant, conversation, priority);
    }

    public Conversation handBack(TenantId tenant, UUID conversation) {
        return desk.handBack(tenant, conversation);
    }

    public Conversation resolve(TenantId tenant, UUID conversation) {
        return desk.resolve(tenant, conversation);
    }

    /** The customer's 1–5 satisfaction rating; resolves the conversation. */
    public Conversation rate(TenantId tenant, UUID conversation, int score) {
        return desk.rate(tenant, conversation, score);
    }

    public SupportMetrics metrics(TenantId tenant) {
        return reports.metrics(tenant);
    }

    /** Trains the shop's intent model on a CSV of {@code utterance,intent}. */
    public IntentTraining trainIntents(TenantId tenant, String csv) {
        return admin.train(tenant, csv);
    }

    /** Stores or replaces a knowledge-base article; answers its number of passages. */
    public int saveArticle(TenantId tenant, String id, String title, String source, String format, String body) {
        return admin.saveArticle(tenant, id, title, source, format, body);
    }

    public SupportPolicy policy(TenantId tenant) {
        return admin.policy(tenant);
    }

    public SupportPolicy setPolicy(TenantId tenant, SupportPolicy policy) {
        return admin.setPolicy(tenant, policy);
    }
}
