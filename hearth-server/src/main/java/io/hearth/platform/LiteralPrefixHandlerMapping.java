package io.hearth.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Spring MVC finds a path with variables ({@code /v1/customers/{id}/recommendations}) by trying every
 * one of the application's ~180 mappings in turn, each checking its methods, headers and media types
 * before its path: 16 % of the request threads' CPU samples of a recommendation slate, and a quarter
 * of what it allocated (Flight Recorder, 1,000 slates/s). This mapping first rules out, by the
 * literal start of their path patterns, the mappings whose paths cannot match, and leaves every other
 * decision (and every path it cannot judge from the raw text) to Spring.
 */
final class LiteralPrefixHandlerMapping extends RequestMappingHandlerMapping {

    private static final String[] ANY = new String[0];

    private final Map<RequestMappingInfo, String[]> prefixes = new ConcurrentHashMap<>();

    @Override
    protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        if (cannotMatch(info, request)) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }

    private boolean cannotMatch(RequestMappingInfo info, HttpServletRequest request) {
        String[] literal = prefixes.computeIfAbsent(info, this::literalPrefixes);
        if (literal == ANY || !ServletRequestPathUtils.hasParsedRequestPath(request)) {
            return false;
        }
        String path = ServletRequestPathUtils.getParsedRequestPath(request)
                .pathWithinApplication()
                .value();
        // Encoded characters and matrix variables are compared decoded by the patterns themselves.
        if (path.indexOf('%') >= 0 || path.indexOf(';') >= 0) {
            return false;
        }
        for (String prefix : literal) {
            if (path.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }

    /** The text before each pattern's first variable or wildcard; {@link #ANY} when that proves nothing. */
    private String[] literalPrefixes(RequestMappingInfo info) {
        PathPatternsRequestCondition paths = info.getPathPatternsCondition();
        PathPatternParser parser = getPatternParser();
        if (paths == null || paths.getPatterns().isEmpty() || parser == null || !parser.isCaseSensitive()) {
            return ANY;
        }
        String[] literal = new String[paths.getPatterns().size()];
        int i = 0;
        for (PathPattern pattern : paths.getPatterns()) {
            String text = pattern.getPatternString();
            int end = text.length();
            for (char wildcard : new char[] {'{', '*', '?'}) {
                int at = text.indexOf(wildcard);
                end = at >= 0 ? Math.min(end, at) : end;
            }
            if (end == 0) {
                return ANY;
            }
            literal[i++] = text.substring(0, end);
        }
        return literal;
    }
}
