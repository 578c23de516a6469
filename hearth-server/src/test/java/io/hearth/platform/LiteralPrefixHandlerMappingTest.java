package io.hearth.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.testing.HearthTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The server's handler mapping only skips mappings that cannot match: for a request to every path
 * the application maps, to encoded and unmapped paths, it picks what Spring's own mapping picks
 * from the same mappings, or fails the same way.
 */
@HearthTest
class LiteralPrefixHandlerMappingTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping served;

    @Autowired
    ApplicationContext context;

    @Test
    void everyMappedPathFindsWhatSpringAloneFinds() {
        assertThat(served).isInstanceOf(LiteralPrefixHandlerMapping.class);
        RequestMappingHandlerMapping spring = springAlone();
        List<MockHttpServletRequest> requests = new ArrayList<>();
        for (RequestMappingInfo info : served.getHandlerMethods().keySet()) {
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                requests.add(request(method(info), concrete(pattern.getPatternString())));
            }
        }
        requests.add(request("GET", "/v1/cust%6Fmers/c-1/recommendations"));
        requests.add(request("GET", "/v1/customers/c-1;v=1/recommendations"));
        requests.add(request("GET", "/v1/nothing/here"));
        requests.add(request("DELETE", "/v1/products"));

        assertThat(requests).hasSizeGreaterThan(150);
        for (MockHttpServletRequest request : requests) {
            assertThat(outcome(served, request))
                    .as(request.getMethod() + " " + request.getRequestURI())
                    .isEqualTo(outcome(spring, request));
        }
    }

    private RequestMappingHandlerMapping springAlone() {
        RequestMappingHandlerMapping spring = new RequestMappingHandlerMapping();
        spring.setApplicationContext(context);
        spring.setPatternParser(served.getPatternParser());
        spring.setContentNegotiationManager(served.getContentNegotiationManager());
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                served.getHandlerMethods().entrySet()) {
            spring.registerMapping(
                    entry.getKey(), entry.getValue().getBean(), entry.getValue().getMethod());
        }
        return spring;
    }

    /** The handler method found, or the kind of failure (405, 406, 415 …), as text to compare. */
    private static @Nullable String outcome(RequestMappingHandlerMapping mapping, MockHttpServletRequest request) {
        ServletRequestPathUtils.parseAndCache(request);
        try {
            HandlerExecutionChain chain = mapping.getHandler(request);
            return chain == null
                    ? null
                    : ((HandlerMethod) chain.getHandler()).getMethod().toString();
        } catch (Exception failure) {
            return failure.getClass().getName();
        } finally {
            request.clearAttributes();
        }
    }

    private static MockHttpServletRequest request(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.addHeader("Accept", "application/json");
        request.setContentType("application/json");
        return request;
    }

    private static String method(RequestMappingInfo info) {
        return info.getMethodsCondition().getMethods().stream()
                .findFirst()
                .map(RequestMethod::name)
                .orElse("GET");
    }

    private static String concrete(String pattern) {
        return pattern.replaceAll("\\{\\*[^}]*}", "rest/of/it")
                .replaceAll("\\{[^}]*}", "v1x")
                .replace("**", "any/thing")
                .replace("*", "any")
                .replace("?", "q");
    }
}
