package io.hearth.console.internal;

import io.hearth.shared.Scope;
import io.hearth.tenancy.TenantManagement;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Who may see the console: staff signed in with an API key that has the {@code admin} or {@code read}
 * scope, held in an HTTP session. Forms carry CSRF tokens. This chain matches only console paths; the
 * API keeps its own stateless chain.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ConsoleSecurityConfiguration {

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain console(HttpSecurity http, TenantManagement tenants) throws Exception {
        String[] consoleScopes = ApiKeySignIn.CONSOLE_SCOPES.stream()
                .map(Scope::authority)
                .sorted()
                .toArray(String[]::new);
        http.securityMatcher("/console/**", "/", "/webjars/**", "/favicon.ico")
                .authenticationManager(new ProviderManager(new ApiKeySignIn(tenants)))
                .formLogin(form -> form.loginPage(ConsoleSignInEntryPoint.LOGIN)
                        .loginProcessingUrl(ConsoleSignInEntryPoint.LOGIN)
                        .usernameParameter("key")
                        .passwordParameter("unused")
                        .defaultSuccessUrl("/console", true)
                        .failureUrl(ConsoleSignInEntryPoint.LOGIN + "?error")
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/console/logout")
                        .logoutSuccessUrl(ConsoleSignInEntryPoint.LOGIN + "?signedOut")
                        .permitAll())
                .httpBasic(basic -> basic.disable())
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new ConsoleSignInEntryPoint())
                        .accessDeniedHandler(new ConsoleAccessDenied()))
                .addFilterAfter(new ConsoleTenantFilter(tenants), AuthorizationFilter.class)
                .authorizeHttpRequests(
                        requests -> requests.requestMatchers("/", "/webjars/**", "/favicon.ico", "/console/assets/**")
                                .permitAll()
                                .anyRequest()
                                .hasAnyAuthority(consoleScopes));
        return http.build();
    }
}
