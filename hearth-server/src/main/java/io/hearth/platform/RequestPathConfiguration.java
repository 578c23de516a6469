package io.hearth.platform;

import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.web.filter.ServletRequestPathFilter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * What every request pays for before it reaches a controller, kept small (measured with {@code
 * RequestPathBenchmark}, see docs/benchmarks.md).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class RequestPathConfiguration {

    /**
     * Parses the request path once, before Spring Security. Each path matcher of the security chains
     * (the chains' own and the API's authorization rules, dozens of them before a rule matches a
     * common call) otherwise parses the path again, and throws it away, when it finds none cached.
     */
    @Bean
    FilterRegistrationBean<ServletRequestPathFilter> requestPathOnce() {
        FilterRegistrationBean<ServletRequestPathFilter> registration =
                new FilterRegistrationBean<>(new ServletRequestPathFilter());
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        registration.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
        return registration;
    }

    /** Finds the controller of a path with variables without trying every mapping's conditions. */
    @Bean
    WebMvcRegistrations literalPrefixMappings() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new LiteralPrefixHandlerMapping();
            }
        };
    }

    /**
     * With {@code management.observations.enable.spring.security=false} (the default here), Spring
     * Security does not wrap each filter, the authorization and the authentication in observations at
     * all. The property alone only makes those observations no-ops, created and discarded for every
     * filter of every request.
     */
    @Bean
    @ConditionalOnProperty(name = "management.observations.enable.spring.security", havingValue = "false")
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }
}
