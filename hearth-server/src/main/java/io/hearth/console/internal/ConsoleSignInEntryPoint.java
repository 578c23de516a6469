package io.hearth.console.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Sends a visitor without a session to the login page. A page redirects; an htmx poll gets 401 with
 * {@code HX-Redirect}, so that htmx reloads the whole window instead of swapping the login form into a
 * table.
 */
final class ConsoleSignInEntryPoint implements AuthenticationEntryPoint {

    static final String LOGIN = "/console/login";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        sendToLogin(request, response, LOGIN);
    }

    static void sendToLogin(HttpServletRequest request, HttpServletResponse response, String target)
            throws IOException {
        String location = request.getContextPath() + target;
        if (request.getHeader("HX-Request") != null) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("HX-Redirect", location);
            return;
        }
        response.sendRedirect(location);
    }
}
