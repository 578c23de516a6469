package io.hearth.console.internal;

import io.hearth.shared.TenantContext;
import io.hearth.tenancy.TenantManagement;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs each signed-in console request inside the signed-in tenant, which binds every database query
 * to it. A session whose key was revoked since sign-in ends here and goes back to the login page.
 */
final class ConsoleTenantFilter extends OncePerRequestFilter {

    private final TenantManagement tenants;

    ConsoleTenantFilter(TenantManagement tenants) {
        this.tenants = tenants;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/webjars/") || path.startsWith("/console/assets/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof ApiKeySignIn.SignedIn signedIn)) {
            chain.doFilter(request, response);
            return;
        }
        ConsoleUser user = signedIn.getPrincipal();
        if (!keyStillActive(user)) {
            signOut(request, response);
            return;
        }
        try {
            TenantContext.call(user.tenantId(), () -> {
                chain.doFilter(request, response);
                return null;
            });
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof ServletException servlet) {
                throw servlet;
            }
            throw e;
        }
    }

    private boolean keyStillActive(ConsoleUser user) {
        return tenants.apiKeys(user.tenantId()).stream()
                .anyMatch(
                        key -> key.keyId().equals(user.keyId()) && key.revoked().isEmpty());
    }

    private static void signOut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        ConsoleSignInEntryPoint.sendToLogin(request, response, "/console/login?expired");
    }
}
