package io.hearth.support.internal;

import io.hearth.shared.HearthProblem;
import io.hearth.support.SupportProblem;
import io.hearth.tenancy.Principal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The support mailbox customers write to (admin): IMAP settings, and polling it now. */
@RestController
@Tag(name = "Support administration", description = "Intent training, knowledge-base articles, support policy")
class SupportMailboxController {

    private final MailboxPoller mailboxes;

    SupportMailboxController(MailboxPoller mailboxes) {
        this.mailboxes = mailboxes;
    }

    record MailboxRequest(
            @Nullable String host,
            @Nullable Integer port,
            @Nullable Boolean ssl,
            @Nullable String username,
            @Nullable String password,
            @Nullable String folder,
            @Nullable String address) {}

    /** The settings without the password, which is never read back. */
    record MailboxView(String host, int port, boolean ssl, String username, String folder, String address) {
        static MailboxView of(Mailbox mailbox) {
            return new MailboxView(
                    mailbox.host(),
                    mailbox.port(),
                    mailbox.ssl(),
                    mailbox.username(),
                    mailbox.folder(),
                    mailbox.address());
        }
    }

    @PutMapping(path = "/v1/support/admin/mailbox", produces = "application/json")
    @Operation(summary = "Set the IMAP mailbox customers write to; replies go out from its address")
    MailboxView save(@AuthenticationPrincipal Principal caller, @RequestBody MailboxRequest request) {
        boolean ssl = request.ssl() == null || request.ssl();
        Mailbox mailbox = new Mailbox(
                orEmpty(request.host()),
                request.port() == null ? (ssl ? 993 : 143) : request.port(),
                ssl,
                orEmpty(request.username()),
                orEmpty(request.password()),
                request.folder() == null ? "INBOX" : request.folder(),
                orEmpty(request.address()));
        return MailboxView.of(mailboxes.save(caller.tenantId(), mailbox));
    }

    @GetMapping(path = "/v1/support/admin/mailbox", produces = "application/json")
    @Operation(summary = "The mailbox settings, without the password")
    MailboxView mailbox(@AuthenticationPrincipal Principal caller) {
        return mailboxes
                .mailbox(caller.tenantId())
                .map(MailboxView::of)
                .orElseThrow(() -> new HearthProblem(SupportProblem.NO_MAILBOX, "No support mailbox is set up"));
    }

    @DeleteMapping(path = "/v1/support/admin/mailbox")
    @Operation(summary = "Stop reading the mailbox")
    ResponseEntity<Void> delete(@AuthenticationPrincipal Principal caller) {
        if (!mailboxes.delete(caller.tenantId())) {
            throw new HearthProblem(SupportProblem.NO_MAILBOX, "No support mailbox is set up");
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/v1/support/admin/mailbox/poll", produces = "application/json")
    @Operation(summary = "Read the mailbox now instead of at the next scheduled poll")
    MailboxPoller.Poll poll(@AuthenticationPrincipal Principal caller) {
        return mailboxes.poll(caller.tenantId());
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
