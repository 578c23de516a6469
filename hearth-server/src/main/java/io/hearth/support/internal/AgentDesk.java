package io.hearth.support.internal;

import io.hearth.shared.FieldError;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.TenantId;
import io.hearth.support.Author;
import io.hearth.support.ContextPackage;
import io.hearth.support.Conversation;
import io.hearth.support.ConversationState;
import io.hearth.support.SupportMessage;
import io.hearth.support.SupportProblem;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** What agents do: read the queue and the context, reply, note, re-prioritize, hand back, resolve. */
@Service
public class AgentDesk {

    private final ConversationService conversations;
    private final ConversationStore store;
    private final ContextAssembler contexts;
    private final EmailConversations emails;
    private final Clock clock;

    AgentDesk(
            ConversationService conversations,
            ConversationStore store,
            ContextAssembler contexts,
            EmailConversations emails,
            Clock clock) {
        this.emails = emails;
        this.conversations = conversations;
        this.store = store;
        this.contexts = contexts;
        this.clock = clock;
    }

    /** Escalated conversations, highest priority first, without their messages. */
    public List<Conversation> queue(TenantId tenant, @Nullable String queue, @Nullable String assignee, int limit) {
        return conversations.inTenant(
                tenant,
                () -> store.queue(tenant, queue, assignee, limit).stream()
                        .map(row -> conversations.toConversation(row, List.of()))
                        .toList());
    }

    public Conversation reply(TenantId tenant, UUID id, String text, boolean internalNote) {
        String body = ConversationService.checkText(text);
        Conversation conversation = conversations.inTenant(tenant, () -> {
            conversations.lock(tenant, id);
            Author author = internalNote ? Author.NOTE : Author.AGENT;
            var message =
                    new SupportMessage(UUID.randomUUID(), author, body, null, null, null, List.of(), clock.instant());
            store.addMessage(tenant, id, message);
            if (!internalNote) {
                store.set(
                        tenant,
                        id,
                        "agent_response_at = coalesce(agent_response_at, :now),"
                                + " first_response_at = coalesce(first_response_at, :now)",
                        "now",
                        Timestamp.from(message.createdAt()));
            }
            return conversations.view(tenant, id);
        });
        if (!internalNote) {
            emails.agentReplied(tenant, conversation, body);
        }
        return conversation;
    }

    public Conversation override(TenantId tenant, UUID id, double priority) {
        if (!Double.isFinite(priority) || priority < 0 || priority > 1000) {
            throw new HearthProblem(
                    SupportProblem.INVALID_MESSAGE,
                    "priority must be 0 to 1000",
                    List.of(new FieldError("/priority", "must be a number from 0 to 1000")));
        }
        return update(tenant, id, "priority_override = :p", "p", priority);
    }

    public Conversation assign(TenantId tenant, UUID id, @Nullable String agent) {
        String name = agent == null ? null : agent.strip();
        if (name != null && (name.isEmpty() || name.length() > 100)) {
            throw new HearthProblem(
                    SupportProblem.INVALID_MESSAGE,
                    "the agent's name must be 1 to 100 characters",
                    List.of(new FieldError("/agent", "must be 1 to 100 characters, or null to unassign")));
        }
        return conversations.inTenant(tenant, () -> {
            if (conversations.lock(tenant, id).state() != ConversationState.ESCALATED) {
                throw new HearthProblem(SupportProblem.NOT_ESCALATED, "conversation " + id + " is not with an agent");
            }
            store.set(tenant, id, "assigned_to = :agent", "agent", name);
            return conversations.view(tenant, id);
        });
    }

    /** The assistant answers again, with a clean failure count and no assignee. */
    public Conversation handBack(TenantId tenant, UUID id) {
        return conversations.inTenant(tenant, () -> {
            if (conversations.lock(tenant, id).state() != ConversationState.ESCALATED) {
                throw new HearthProblem(SupportProblem.NOT_ESCALATED, "conversation " + id + " is not with an agent");
            }
            store.set(tenant, id, "state = 'ASSISTANT', failures = 0, assigned_to = null");
            return conversations.view(tenant, id);
        });
    }

    public Conversation resolve(TenantId tenant, UUID id) {
        Conversation resolved =
                update(tenant, id, "state = 'RESOLVED', resolved_at = :now", "now", Timestamp.from(clock.instant()));
        emails.resolved(tenant, resolved); // a conversation with an email thread asks for the rating by mail
        return resolved;
    }

    /** The customer's 1–5 rating at the end; rating resolves the conversation. */
    public Conversation rate(TenantId tenant, UUID id, int score) {
        if (score < 1 || score > 5) {
            throw new HearthProblem(
                    SupportProblem.INVALID_MESSAGE,
                    "CSAT is 1 to 5",
                    List.of(new FieldError("/score", "must be an integer from 1 to 5")));
        }
        return conversations.inTenant(tenant, () -> {
            store.lock(tenant, id).orElseThrow(() -> ConversationService.unknown(id));
            store.set(
                    tenant,
                    id,
                    "csat = :s, state = 'RESOLVED', resolved_at = coalesce(resolved_at, :now)",
                    "s",
                    score,
                    "now",
                    Timestamp.from(clock.instant()));
            return conversations.view(tenant, id);
        });
    }

    public ContextPackage context(TenantId tenant, UUID id) {
        return contexts.context(tenant, id);
    }

    private Conversation update(TenantId tenant, UUID id, String assignments, Object... params) {
        return conversations.inTenant(tenant, () -> {
            conversations.lock(tenant, id);
            store.set(tenant, id, assignments, params);
            return conversations.view(tenant, id);
        });
    }
}
