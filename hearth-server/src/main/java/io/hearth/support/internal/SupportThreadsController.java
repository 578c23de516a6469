package io.hearth.support.internal;

import io.hearth.shared.HearthProblem;
import io.hearth.shared.Scope;
import io.hearth.shared.TenantId;
import io.hearth.support.Conversation;
import io.hearth.support.LinkedConversation;
import io.hearth.tenancy.Principal;
import io.hearth.tenancy.TenancyProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A customer's threads across channels: her other conversations beside the current one, and moving a
 * conversation to email with its history. Continuing by email is under {@code /v1/support/admin/}
 * because it sends mail, which takes the admin scope like every agent action.
 */
@RestController
@Tag(name = "Support", description = "Conversations, the assistant, agent queues and support metrics")
class SupportThreadsController {

    private final ConversationService conversations;
    private final LinkedConversations linked;
    private final EmailConversations emails;

    SupportThreadsController(ConversationService conversations, LinkedConversations linked, EmailConversations emails) {
        this.conversations = conversations;
        this.linked = linked;
        this.emails = emails;
    }

    record ContinueRequest(@Nullable String text) {}

    @GetMapping(path = "/v1/support/conversations/{id}/linked", produces = "application/json")
    @Operation(summary = "The customer's other conversations on every channel, most recently active first")
    Map<String, List<LinkedConversation>> linked(@AuthenticationPrincipal Principal caller, @PathVariable UUID id) {
        // a write key (the customer's browser) must not read her other threads, nor anyone's
        if (!caller.scopes().contains(Scope.READ) && !caller.scopes().contains(Scope.ADMIN)) {
            throw new HearthProblem(TenancyProblem.FORBIDDEN, "reading linked conversations takes the read scope");
        }
        TenantId tenant = caller.tenantId();
        Conversation conversation = conversations.conversation(tenant, id);
        if (conversation.customerId() == null) {
            return Map.of("data", List.of());
        }
        return Map.of(
                "data", conversations.inTenant(tenant, () -> linked.others(tenant, conversation.customerId(), id, 20)));
    }

    @PostMapping(path = "/v1/support/admin/conversations/{id}/continue-by-email", produces = "application/json")
    @Operation(summary = "Mail the conversation so far to the customer; her reply continues it")
    Conversation continueByEmail(
            @AuthenticationPrincipal Principal caller,
            @PathVariable UUID id,
            @RequestBody(required = false) @Nullable ContinueRequest request) {
        return emails.continueByEmail(caller.tenantId(), id, request == null ? null : request.text());
    }
}
