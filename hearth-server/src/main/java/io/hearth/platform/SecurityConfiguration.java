package io.hearth.platform;

import io.hearth.shared.HearthProblem;
import io.hearth.shared.Scope;
import io.hearth.tenancy.TenancyProblem;
import io.hearth.tenancy.TenantManagement;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;

/**
 * Who may call what. Reading takes {@code read}; managing the tenant takes {@code admin}. Tracking
 * calls are let through here because Segment's server libraries authenticate in the body; the
 * ingestion module checks their write key (or {@code ingest} scope). Webhooks prove themselves with
 * their signatures.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication // the CLI runs the same application without a web server
class SecurityConfiguration {

    private static final String[] INGESTION_PATHS = {
        "/v1/track",
        "/v1/identify",
        "/v1/alias",
        "/v1/page",
        "/v1/screen",
        "/v1/group",
        "/v1/batch",
        "/v1/import",
        "/v1/batch/",
        "/v1/import/"
    };

    @Bean
    SecurityFilterChain api(HttpSecurity http, TenantManagement tenants, ProblemWriter problems) throws Exception {
        http.securityMatcher(
                        "/v1/**", "/actuator/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error")
                // Every call carries its key, so the API chain keeps no session, saves no security
                // context, caches no request, needs no CSRF token, no anonymous user and no servlet API
                // wrapper (controllers read the caller through @AuthenticationPrincipal): each of those
                // filters wraps or inspects every request for nothing. An unauthenticated request has
                // no Authentication, which authorization refuses with the same 401 an anonymous one got.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.disable())
                .securityContext(context -> context.disable())
                .anonymous(anonymous -> anonymous.disable())
                .servletApi(servletApi -> servletApi.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                // The same default headers (nosniff, no-cache, X-Frame-Options, …), set before the chain
                // runs instead of through a response wrapper that waits for the commit.
                .headers(headers -> headers.withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                }))
                .addFilterBefore(new ApiKeyAuthenticationFilter(tenants, problems), ExceptionTranslationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> problems.write(
                                new HearthProblem(TenancyProblem.UNAUTHENTICATED, "Send a write key or an API key"),
                                request,
                                response))
                        .accessDeniedHandler((request, response, e) -> problems.write(
                                new HearthProblem(TenancyProblem.FORBIDDEN, "This key may not do that"),
                                request,
                                response)))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/error",
                                "/actuator/health/**",
                                "/actuator/health",
                                "/actuator/prometheus",
                                "/actuator/info")
                        .permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                        .permitAll()
                        .requestMatchers("/v1/webhooks/**")
                        .permitAll()
                        // messaging: tracking links inside messages prove themselves with their signatures
                        .requestMatchers("/v1/t/**")
                        .permitAll()
                        .requestMatchers(
                                HttpMethod.GET,
                                "/v1/templates/**",
                                "/v1/journeys",
                                "/v1/journeys/**",
                                "/v1/clienteling/**")
                        .hasAuthority(Scope.READ.authority())
                        .requestMatchers(HttpMethod.POST, "/v1/templates/*/preview")
                        .hasAuthority(Scope.READ.authority())
                        .requestMatchers(HttpMethod.GET, "/v1/messages/*")
                        .hasAuthority(Scope.READ.authority())
                        .requestMatchers(
                                "/v1/templates/**",
                                "/v1/messages",
                                "/v1/messages/**",
                                "/v1/messaging/**",
                                "/v1/journeys",
                                "/v1/journeys/**")
                        .hasAuthority(Scope.ADMIN.authority())
                        .requestMatchers(HttpMethod.POST, INGESTION_PATHS)
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/v1/events", "/v1/events/**")
                        .hasAuthority(Scope.READ.authority())
                        .requestMatchers(HttpMethod.GET, "/v1/customers", "/v1/customers/**")
                        .hasAuthority(Scope.READ.authority())
                        .requestMatchers(HttpMethod.POST, "/v1/customers/*/unmerge")
                        .hasAuthority(Scope.ADMIN.authority())
                        .requestMatchers(
                                "/v1/sources/**", "/v1/sources", "/v1/api-keys/**", "/v1/api-keys", "/v1/tenant")
                        .hasAuthority(Scope.ADMIN.authority())
                        // privacy: consents and decisions (verifying the chain and changing consent are admin)
                        .requestMatchers(HttpMethod.GET, "/v1/decisions/verify")
                        .hasAuthority(Scope.ADMIN.authority())
                        .requestMatchers(HttpMethod.GET, "/v1/customers/**", "/v1/decisions/**")
                        .hasAuthority(Scope.READ.authority())
                        .requestMatchers(HttpMethod.POST, "/v1/customers/*/consents")
                        .hasAuthority(Scope.ADMIN.authority())
                        // segments: reading definitions and members takes read; defining them takes admin
                        // (a customer's segments, GET /v1/customers/{id}/segments, is read like the profile)
                        .requestMatchers(HttpMethod.GET, "/v1/segments", "/v1/segments/**")
                        .hasAuthority(Scope.READ.authority())
                        .requestMatchers("/v1/segments", "/v1/segments/**")
                        .hasAuthority(Scope.ADMIN.authority())
                        // ingestion: the registry of trait definitions (reading is read; defining is admin)
                        .requestMatchers(HttpMethod.GET, "/v1/attributes", "/v1/attributes/**")
                        .hasAuthority(Scope.READ.authority())
                        .requestMatchers("/v1/attributes", "/v1/attributes/**")
                        .hasAuthority(Scope.ADMIN.authority())
                        // profiles: probabilistic merge candidates (reading the queue is read; deciding is admin)
                        .requestMatchers(HttpMethod.GET, "/v1/merge-candidates", "/v1/merge-candidates/**")
                        .hasAuthority(Scope.READ.authority())
                        .requestMatchers(
                                HttpMethod.POST, "/v1/merge-candidates/*/accept", "/v1/merge-candidates/*/reject")
                        .hasAuthority(Scope.ADMIN.authority())
                        // predictions: reading models and drift takes read; training takes admin
                        .requestMatchers(HttpMethod.GET, "/v1/predictions/**")
                        .hasAuthority(Scope.READ.authority())
                        .requestMatchers("/v1/predictions/**")
                        .hasAuthority(Scope.ADMIN.authority())
                        // loyalty: reading members and the program takes read; every write takes admin
                        .requestMatchers(HttpMethod.GET, "/v1/loyalty/**")
                        .hasAuthority(Scope.READ.authority())
                        .requestMatchers("/v1/loyalty/**")
                        .hasAuthority(Scope.ADMIN.authority())
                        // support: the shop's intents, articles and policy and every agent action take admin;
                        // reading the queue and context takes read; the customer's side of a conversation
                        // any key of the shop
                        .requestMatchers("/v1/support/admin/**")
                        .hasAuthority(Scope.ADMIN.authority())
                        .requestMatchers(
                                HttpMethod.POST,
                                "/v1/support/conversations/*/agent-replies",
                                "/v1/support/conversations/*/notes",
                                "/v1/support/conversations/*/priority",
                                "/v1/support/conversations/*/resolve",
                                "/v1/support/conversations/*/hand-back",
                                "/v1/support/conversations/*/assign")
                        .hasAuthority(Scope.ADMIN.authority())
                        .requestMatchers(
                                HttpMethod.GET,
                                "/v1/support/queue",
                                "/v1/support/metrics",
                                "/v1/support/conversations/*/context")
                        .hasAuthority(Scope.READ.authority())
                        // catalog and recommendations: reading and serving take read; writing products and
                        // training models take admin
                        .requestMatchers(HttpMethod.GET, "/v1/products", "/v1/products/**", "/v1/recommendations/**")
                        .hasAuthority(Scope.READ.authority())
                        .requestMatchers("/v1/products", "/v1/products/**", "/v1/recommendations/**")
                        .hasAuthority(Scope.ADMIN.authority())
                        .anyRequest()
                        .authenticated());
        return http.build();
    }
}
