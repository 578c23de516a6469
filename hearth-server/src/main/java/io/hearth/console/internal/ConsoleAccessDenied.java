package io.hearth.console.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Answers a refused console request itself with a short page, most often a form posted without a
 * valid CSRF token (a stale tab after the session ended). It writes the answer directly rather than
 * through the container's error page, which speaks problem details for the API.
 */
final class ConsoleAccessDenied implements AccessDeniedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        String reason = denied instanceof CsrfException
                ? "This form has expired. Open the page again and retry."
                : "Your key may not open this page.";
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream()
                .write(("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Refused · Hearth"
                                + " console</title><link rel=\"stylesheet\" href=\""
                                + request.getContextPath() + "/console/assets/console.css\"></head>"
                                + "<body class=\"login\"><main class=\"login-card\"><h1>Refused</h1>"
                                + "<p class=\"notice error\">" + reason + "</p><p><a href=\""
                                + request.getContextPath()
                                + "/console/login\">Back to sign-in</a></p></main></body></html>")
                        .getBytes(StandardCharsets.UTF_8));
    }
}
