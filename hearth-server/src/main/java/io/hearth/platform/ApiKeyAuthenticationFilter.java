package io.hearth.platform;

import io.hearth.shared.HearthProblem;
import io.hearth.shared.Scope;
import io.hearth.shared.TenantContext;
import io.hearth.tenancy.Principal;
import io.hearth.tenancy.TenancyProblem;
import io.hearth.tenancy.TenantManagement;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API calls: a source's write key as the HTTP Basic user name (as Segment clients send
 * it), or an admin key as a Bearer token. Then applies the key's rate limit and enters its tenant for
 * the rest of the request, which is what binds every database query to that tenant.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private final TenantManagement tenants;
    private final ProblemWriter problems;

    ApiKeyAuthenticationFilter(TenantManagement tenants, ProblemWriter problems) {
        this.tenants = tenants;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Principal> principal = authenticate(header);
        if (principal.isEmpty()) {
            problems.write(
                    new HearthProblem(TenancyProblem.UNAUTHENTICATED, "The key is not valid"), request, response);
            return;
        }
        Principal caller = principal.get();
        try {
            tenants.admit(caller.keyId(), caller.ratePerSecond());
        } catch (HearthProblem limited) {
            problems.write(limited, request, response);
            return;
        }
        proceedAs(caller, request, response, chain);
    }

    private void proceedAs(
            Principal caller, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new PrincipalAuthentication(caller));
        SecurityContextHolder.setContext(context);
        try {
            TenantContext.call(caller.tenantId(), () -> {
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
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private Optional<Principal> authenticate(String header) {
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return tenants.authenticateApiKey(header.substring(7).trim());
        }
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basicUser(header.substring(6).trim()).flatMap(tenants::authenticateWriteKey);
        }
        return Optional.empty();
    }

    private static Optional<String> basicUser(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            String user = colon >= 0 ? decoded.substring(0, colon) : decoded;
            return user.isBlank() ? Optional.empty() : Optional.of(user);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The authenticated caller as Spring Security sees it: one authority per scope. */
    static final class PrincipalAuthentication extends AbstractAuthenticationToken {
        private final Principal principal;

        /** The authorities of each set of scopes: there are few such sets, and every request needs one. */
        private static final Map<Set<Scope>, List<GrantedAuthority>> AUTHORITIES = new ConcurrentHashMap<>();

        PrincipalAuthentication(Principal principal) {
            super(AUTHORITIES.computeIfAbsent(
                    principal.scopes(),
                    scopes -> scopes.stream()
                            .map(Scope::authority)
                            .sorted()
                            .<GrantedAuthority>map(SimpleGrantedAuthority::new)
                            .toList()));
            this.principal = principal;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Principal getPrincipal() {
            return principal;
        }
    }
}
