package io.hearth.support.internal;

import io.hearth.shared.FieldError;
import io.hearth.shared.HearthProblem;
import io.hearth.support.ContextPackage;
import io.hearth.support.Conversation;
import io.hearth.support.Reply;
import io.hearth.support.SupportManagement;
import io.hearth.support.SupportMetrics;
import io.hearth.support.SupportProblem;
import io.hearth.tenancy.Principal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Conversations with the assistant and the agents' desk. */
@RestController
@Tag(name = "Support", description = "Conversations, the assistant, agent queues and support metrics")
class SupportController {

    private static final Set<String> CHANNELS = Set.of("chat", "api", "email");

    private final SupportManagement support;

    SupportController(SupportManagement support) {
        this.support = support;
    }

    record StartRequest(
            @Nullable String channel,
            @Nullable String email,
            @Nullable String userId) {}

    record TextRequest(@Nullable String text) {}

    record PriorityRequest(@Nullable Double priority) {}

    record RatingRequest(@Nullable Integer score) {}

    @PostMapping(path = "/v1/support/conversations", produces = "application/json")
    @Operation(summary = "Start a conversation, linked to the customer with this user id or email")
    ResponseEntity<Conversation> start(
            @AuthenticationPrincipal Principal caller,
            @RequestHeader(name = CustomerTokens.HEADER, required = false) @Nullable String token,
            @RequestBody StartRequest request) {
        if (caller instanceof Principal.SourcePrincipal) {
            refuseIdentity(request);
        }
        String userId = token == null ? request.userId() : support.verifyCustomerToken(caller.tenantId(), token);
        String channel = request.channel() == null ? "api" : request.channel();
        if (!CHANNELS.contains(channel)) {
            throw new HearthProblem(
                    SupportProblem.INVALID_MESSAGE,
                    "unknown channel " + channel,
                    List.of(new FieldError("/channel", "must be chat, api or email")));
        }
        Conversation conversation =
                support.start(caller.tenantId(), channel, token == null ? request.email() : null, userId);
        return ResponseEntity.created(URI.create("/v1/support/conversations/" + conversation.conversationId()))
                .body(forCaller(caller, conversation));
    }

    @PostMapping(path = "/v1/support/conversations/{id}/messages", produces = "application/json")
    @Operation(summary = "A customer message; the assistant answers unless an agent has the conversation")
    Reply post(
            @AuthenticationPrincipal Principal caller,
            @RequestHeader(name = CustomerTokens.HEADER, required = false) @Nullable String token,
            @PathVariable UUID id,
            @RequestBody TextRequest request) {
        admit(caller, id, token);
        Reply reply = support.post(caller.tenantId(), id, request.text() == null ? "" : request.text());
        return new Reply(
                reply.customerMessage(),
                reply.answer(),
                reply.automation(),
                reply.escalation(),
                forCaller(caller, reply.conversation()));
    }

    @GetMapping(path = "/v1/support/conversations/{id}", produces = "application/json")
    @Operation(summary = "A conversation with its messages")
    Conversation conversation(
            @AuthenticationPrincipal Principal caller,
            @RequestHeader(name = CustomerTokens.HEADER, required = false) @Nullable String token,
            @PathVariable UUID id) {
        admit(caller, id, token);
        return forCaller(caller, support.conversation(caller.tenantId(), id));
    }

    @GetMapping(path = "/v1/support/conversations/{id}/context", produces = "application/json")
    @Operation(summary = "The agent's context package: profile, orders, intent, suggested replies, articles")
    ContextPackage context(@AuthenticationPrincipal Principal caller, @PathVariable UUID id) {
        return support.context(caller.tenantId(), id);
    }

    @GetMapping(path = "/v1/support/queue", produces = "application/json")
    @Operation(summary = "Escalated conversations, highest priority first, each with why")
    Map<String, List<Conversation>> queue(
            @AuthenticationPrincipal Principal caller,
            @RequestParam(required = false) @Nullable String queue,
            @RequestParam(required = false) @Nullable String assignee,
            @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 500) {
            throw new HearthProblem(
                    SupportProblem.INVALID_MESSAGE,
                    "limit must be 1 to 500",
                    List.of(new FieldError("/limit", "must be 1 to 500")));
        }
        return Map.of("data", support.queue(caller.tenantId(), queue, assignee, limit));
    }

    @PostMapping(path = "/v1/support/conversations/{id}/agent-replies", produces = "application/json")
    @Operation(summary = "An agent's reply to the customer")
    Conversation reply(
            @AuthenticationPrincipal Principal caller, @PathVariable UUID id, @RequestBody TextRequest request) {
        return support.agentMessage(caller.tenantId(), id, text(request), false);
    }

    @PostMapping(path = "/v1/support/conversations/{id}/notes", produces = "application/json")
    @Operation(summary = "An internal note, never shown to the customer")
    Conversation note(
            @AuthenticationPrincipal Principal caller, @PathVariable UUID id, @RequestBody TextRequest request) {
        return support.agentMessage(caller.tenantId(), id, text(request), true);
    }

    @PostMapping(path = "/v1/support/conversations/{id}/priority", produces = "application/json")
    @Operation(summary = "The agent's priority override")
    Conversation priority(
            @AuthenticationPrincipal Principal caller, @PathVariable UUID id, @RequestBody PriorityRequest request) {
        return support.overridePriority(
                caller.tenantId(), id, request.priority() == null ? Double.NaN : request.priority());
    }

    record AssignRequest(@Nullable String agent) {}

    @PostMapping(path = "/v1/support/conversations/{id}/assign", produces = "application/json")
    @Operation(summary = "Assign the escalated conversation to an agent; a null agent puts it back in its queue")
    Conversation assign(
            @AuthenticationPrincipal Principal caller, @PathVariable UUID id, @RequestBody AssignRequest request) {
        return support.assign(caller.tenantId(), id, request.agent());
    }

    @PostMapping(path = "/v1/support/conversations/{id}/hand-back", produces = "application/json")
    @Operation(summary = "Hand the conversation back to the assistant")
    Conversation handBack(@AuthenticationPrincipal Principal caller, @PathVariable UUID id) {
        return support.handBack(caller.tenantId(), id);
    }

    @PostMapping(path = "/v1/support/conversations/{id}/resolve", produces = "application/json")
    @Operation(summary = "Close the conversation")
    Conversation resolve(@AuthenticationPrincipal Principal caller, @PathVariable UUID id) {
        return support.resolve(caller.tenantId(), id);
    }

    @PostMapping(path = "/v1/support/conversations/{id}/csat", produces = "application/json")
    @Operation(summary = "The customer's 1-5 satisfaction rating; closes the conversation")
    Conversation rate(
            @AuthenticationPrincipal Principal caller,
            @RequestHeader(name = CustomerTokens.HEADER, required = false) @Nullable String token,
            @PathVariable UUID id,
            @RequestBody RatingRequest request) {
        admit(caller, id, token);
        return forCaller(caller, support.rate(caller.tenantId(), id, request.score() == null ? 0 : request.score()));
    }

    @GetMapping(path = "/v1/support/metrics", produces = "application/json")
    @Operation(summary = "Containment, escalations by reason, response and resolution times, CSAT, per intent")
    SupportMetrics metrics(@AuthenticationPrincipal Principal caller) {
        return support.metrics(caller.tenantId());
    }

    /**
     * The customer's browser (a write key) gets into a customer's conversation only with her token;
     * the shop's backend (an API key) is trusted with every conversation of its tenant.
     */
    private void admit(Principal caller, UUID conversation, @Nullable String token) {
        if (caller instanceof Principal.SourcePrincipal) {
            String userId = token == null ? null : support.verifyCustomerToken(caller.tenantId(), token);
            support.admit(caller.tenantId(), conversation, userId);
        }
    }

    /**
     * A write key is public (the chat widget carries it in the customer's browser), so it may not say
     * who the customer is: anyone could claim another's email and ask about her orders. A signed
     * customer token, or the shop's backend holding an API key, links a conversation to its customer.
     */
    private static void refuseIdentity(StartRequest request) {
        List<FieldError> errors = new java.util.ArrayList<>();
        if (request.email() != null) {
            errors.add(new FieldError("/email", "a write key cannot name the customer; send a customer token"));
        }
        if (request.userId() != null) {
            errors.add(new FieldError("/userId", "a write key cannot name the customer; send a customer token"));
        }
        if (!errors.isEmpty()) {
            throw new HearthProblem(
                    SupportProblem.INVALID_MESSAGE, "a write key starts anonymous conversations only", errors);
        }
    }

    /** What a write key's caller, the customer, may see: no internal notes, no priority or its why. */
    private static Conversation forCaller(Principal caller, Conversation conversation) {
        if (!(caller instanceof Principal.SourcePrincipal)) {
            return conversation;
        }
        return new Conversation(
                conversation.conversationId(),
                null,
                conversation.channel(),
                conversation.state(),
                null,
                null,
                null,
                List.of(),
                false,
                conversation.csat(),
                conversation.createdAt(),
                null,
                null,
                null,
                conversation.messages().stream()
                        .filter(message -> message.author() != io.hearth.support.Author.NOTE)
                        .toList());
    }

    private static String text(TextRequest request) {
        return request.text() == null ? "" : request.text();
    }
}
