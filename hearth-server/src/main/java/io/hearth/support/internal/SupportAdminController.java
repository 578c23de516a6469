package io.hearth.support.internal;

import io.hearth.shared.HearthProblem;
import io.hearth.support.IntentTraining;
import io.hearth.support.SupportManagement;
import io.hearth.support.SupportPolicy;
import io.hearth.support.SupportProblem;
import io.hearth.support.WidgetSecret;
import io.hearth.tenancy.Principal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The shop's own intents, knowledge-base articles and support policy (admin). */
@RestController
@Tag(name = "Support administration", description = "Intent training, knowledge-base articles, support policy")
class SupportAdminController {

    private final SupportManagement support;

    SupportAdminController(SupportManagement support) {
        this.support = support;
    }

    record ArticleRequest(
            @Nullable String title,
            @Nullable String source,
            @Nullable String format,
            @Nullable String body) {}

    @PostMapping(path = "/v1/support/admin/intents", consumes = "text/csv", produces = "application/json")
    @Operation(summary = "Train the shop's intent model on a CSV with utterance and intent columns")
    IntentTraining train(@AuthenticationPrincipal Principal caller, @RequestBody String csv) {
        return support.trainIntents(caller.tenantId(), csv);
    }

    @PutMapping(path = "/v1/support/admin/articles/{id}", produces = "application/json")
    @Operation(summary = "Store or replace a Markdown or HTML knowledge-base article")
    Map<String, Object> article(
            @AuthenticationPrincipal Principal caller, @PathVariable String id, @RequestBody ArticleRequest request) {
        int passages = support.saveArticle(
                caller.tenantId(),
                id,
                orEmpty(request.title()),
                orEmpty(request.source()),
                request.format() == null ? "markdown" : request.format(),
                orEmpty(request.body()));
        return Map.of("id", id, "passages", passages);
    }

    @GetMapping(path = "/v1/support/admin/policy", produces = "application/json")
    @Operation(summary = "The support policy: return rules, escalation rules, queues and SLA targets")
    SupportPolicy policy(@AuthenticationPrincipal Principal caller) {
        return support.policy(caller.tenantId());
    }

    @PutMapping(path = "/v1/support/admin/policy", produces = "application/json")
    @Operation(summary = "Replace the support policy")
    SupportPolicy setPolicy(@AuthenticationPrincipal Principal caller, @RequestBody SupportPolicy policy) {
        return support.setPolicy(caller.tenantId(), policy);
    }

    @PostMapping(path = "/v1/support/admin/widget-secret", produces = "application/json")
    @Operation(
            summary = "Make a new widget secret for signed customer tokens; answered only here. The previous"
                    + " one stays valid for 24 hours unless revokePrevious=true")
    ResponseEntity<WidgetSecret> rotateWidgetSecret(
            @AuthenticationPrincipal Principal caller, @RequestParam(defaultValue = "false") boolean revokePrevious) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(support.rotateWidgetSecret(caller.tenantId(), revokePrevious));
    }

    @GetMapping(path = "/v1/support/admin/widget-secret", produces = "application/json")
    @Operation(summary = "When the widget secret was made and until when the previous one is valid; never the secret")
    WidgetSecret widgetSecret(@AuthenticationPrincipal Principal caller) {
        return support.widgetSecret(caller.tenantId())
                .orElseThrow(() -> new HearthProblem(
                        SupportProblem.NO_WIDGET_SECRET, "Create one with POST /v1/support/admin/widget-secret"));
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
