package io.hearth.console.internal;

import io.hearth.shared.Scope;
import io.hearth.tenancy.Principal;
import io.hearth.tenancy.TenantManagement;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Signs staff in with an API key typed into the login form (as the form's {@code key} field). Only
 * keys that may read or administer the tenant open the console; a write key or an ingest-only key
 * does not.
 */
final class ApiKeySignIn implements AuthenticationProvider {

    static final Set<Scope> CONSOLE_SCOPES = Set.of(Scope.ADMIN, Scope.READ);

    private final TenantManagement tenants;

    ApiKeySignIn(TenantManagement tenants) {
        this.tenants = tenants;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        Object typed = attempt.getPrincipal();
        String key = typed == null ? "" : typed.toString().trim();
        Optional<Principal> principal = key.isEmpty() ? Optional.empty() : tenants.authenticateApiKey(key);
        return principal
                .filter(caller -> caller.scopes().stream().anyMatch(CONSOLE_SCOPES::contains))
                .map(SignedIn::new)
                .orElseThrow(() -> new BadCredentialsException("not a console key"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** The session's authentication: the console user, with one authority per scope of the key. */
    static final class SignedIn extends AbstractAuthenticationToken {
        private final ConsoleUser user;

        SignedIn(Principal caller) {
            super(caller.scopes().stream()
                    .map(Scope::authority)
                    .map(SimpleGrantedAuthority::new)
                    .toList());
            this.user = new ConsoleUser(caller.tenantId(), caller.keyId());
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public ConsoleUser getPrincipal() {
            return user;
        }
    }
}
