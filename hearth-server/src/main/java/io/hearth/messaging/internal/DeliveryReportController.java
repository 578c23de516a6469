package io.hearth.messaging.internal;

import io.hearth.messaging.MessagingProblem;
import io.hearth.messaging.Suppression;
import io.hearth.shared.FieldError;
import io.hearth.shared.HearthProblem;
import io.hearth.tenancy.Principal;
import io.swagger.v3.oas.annotations.Operation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where reports about sent messages come back: bounce and complaint emails piped from the shop's
 * return-path mailbox, and SMS provider status callbacks on the message's signed status link.
 */
@RestController
class DeliveryReportController {

    /** Twilio error codes that mean the number cannot receive, and the one for a STOP reply. */
    private static final Set<String> DEAD_NUMBER = Set.of("21211", "21614", "30005", "30006");

    private static final String OPTED_OUT = "21610";

    private final DeliveryFeedback feedback;
    private final TrackingLinks links;

    DeliveryReportController(DeliveryFeedback feedback, TrackingLinks links) {
        this.feedback = feedback;
        this.links = links;
    }

    @PostMapping(
            path = "/v1/messaging/bounces",
            consumes = {"message/rfc822", "text/plain", "application/octet-stream"},
            produces = "application/json")
    @Operation(
            summary = "Read a bounce (RFC 3464 DSN) or complaint (ARF) email; hard bounces and complaints"
                    + " suppress the address (admin)")
    Map<String, Object> bounce(@AuthenticationPrincipal Principal caller, @RequestBody byte[] mail) {
        DeliveryReports.Report report = DeliveryReports.parse(mail)
                .orElseThrow(() -> new HearthProblem(
                        MessagingProblem.INVALID_REQUEST,
                        "The body is not a delivery status or feedback report",
                        List.of(new FieldError("", "must be a multipart/report email (RFC 3464 or RFC 5965)"))));
        UUID message = report.messageId().orElseThrow(DeliveryReportController::unattributable);
        boolean suppressed = switch (report.kind()) {
            case HARD_BOUNCE -> reported(caller, message, Suppression.Reason.HARD_BOUNCE, report.code());
            case COMPLAINT -> reported(caller, message, Suppression.Reason.COMPLAINT, report.code());
            case SOFT_BOUNCE, OTHER -> false;
        };
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("messageId", message);
        answer.put(
                "kind", report.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        answer.put("code", report.code());
        answer.put("suppressed", suppressed);
        return answer;
    }

    /** Twilio's status callback: {@code MessageStatus} and, on failure, {@code ErrorCode}. */
    @PostMapping(path = "/v1/t/s/{token}", consumes = "application/x-www-form-urlencoded")
    ResponseEntity<Void> smsStatus(
            @PathVariable String token,
            @RequestParam(name = "MessageStatus", defaultValue = "") String status,
            @RequestParam(name = "ErrorCode", defaultValue = "") String errorCode) {
        TrackingLinks.Target target = links.verify(token, "status")
                .orElseThrow(() -> new HearthProblem(MessagingProblem.INVALID_TRACKING_LINK, "This link is not valid"));
        if (status.equals("delivered")) {
            feedback.delivered(target.tenant(), target.messageId());
        } else if (status.equals("undelivered") || status.equals("failed")) {
            if (OPTED_OUT.equals(errorCode)) {
                feedback.reported(target.tenant(), target.messageId(), Suppression.Reason.COMPLAINT, errorCode);
            } else if (DEAD_NUMBER.contains(errorCode)) {
                feedback.reported(target.tenant(), target.messageId(), Suppression.Reason.HARD_BOUNCE, errorCode);
            }
        }
        // Twilio only needs a 2xx; other statuses (queued, sent) and transient errors change nothing.
        return ResponseEntity.noContent().build();
    }

    private boolean reported(Principal caller, UUID message, Suppression.Reason reason, String code) {
        if (!feedback.reported(caller.tenantId(), message, reason, code)) {
            throw unattributable();
        }
        return true;
    }

    private static HearthProblem unattributable() {
        return new HearthProblem(
                MessagingProblem.UNATTRIBUTABLE_REPORT,
                "The report names no message this shop sent",
                List.of(new FieldError("", "no X-Hearth-Message-Id of this shop's messages in the report")));
    }
}
