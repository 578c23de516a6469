package io.hearth.messaging.internal;

import io.hearth.messaging.MessageEngaged;
import io.hearth.messaging.MessagingProblem;
import io.hearth.shared.HearthProblem;
import java.net.URI;
import java.util.Base64;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The links inside messages: the open pixel, click redirects and the unsubscribe page. They carry
 * their own signatures, so they need no API key; a tampered or foreign link is a 404.
 */
@RestController
class TrackingController {

    private static final byte[] PIXEL =
            Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private final TrackingLinks links;
    private final Engagements engagements;

    TrackingController(TrackingLinks links, Engagements engagements) {
        this.links = links;
        this.engagements = engagements;
    }

    @GetMapping("/v1/t/o/{token}.gif")
    ResponseEntity<byte[]> open(@PathVariable String token) {
        links.verify(token, "open").ifPresent(target -> engagements.record(target, MessageEngaged.Kind.OPENED, null));
        // The pixel answers the same either way: a mail client cannot do anything with an error.
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.IMAGE_GIF)
                .body(PIXEL);
    }

    @GetMapping("/v1/t/c/{token}")
    ResponseEntity<Void> click(@PathVariable String token, @RequestParam("u") String target) {
        TrackingLinks.Target message = links.verify(token, "click " + target).orElseThrow(TrackingController::invalid);
        engagements.record(message, MessageEngaged.Kind.CLICKED, target);
        return ResponseEntity.status(302)
                .header(HttpHeaders.LOCATION, URI.create(target).toString())
                .build();
    }

    @GetMapping(value = "/v1/t/u/{token}", produces = MediaType.TEXT_HTML_VALUE)
    String unsubscribePage(@PathVariable String token) {
        links.verify(token, "unsubscribe").orElseThrow(TrackingController::invalid);
        // Showing the page changes nothing: link scanners fetch every URL in a mail.
        return """
                <!doctype html><html><head><meta charset="utf-8"><title>Unsubscribe</title></head>
                <body><form method="post"><p>Stop receiving these messages?</p>
                <button type="submit" name="List-Unsubscribe" value="One-Click">Unsubscribe</button></form></body></html>
                """;
    }

    /** RFC 8058 one-click: mailbox providers POST {@code List-Unsubscribe=One-Click} here. */
    @PostMapping(value = "/v1/t/u/{token}", produces = MediaType.TEXT_HTML_VALUE)
    String unsubscribe(@PathVariable String token) {
        TrackingLinks.Target message = links.verify(token, "unsubscribe").orElseThrow(TrackingController::invalid);
        engagements.record(message, MessageEngaged.Kind.UNSUBSCRIBED, null);
        return "<!doctype html><html><body><p>You are unsubscribed.</p></body></html>";
    }

    private static HearthProblem invalid() {
        return new HearthProblem(MessagingProblem.INVALID_TRACKING_LINK, "This link is not valid");
    }
}
