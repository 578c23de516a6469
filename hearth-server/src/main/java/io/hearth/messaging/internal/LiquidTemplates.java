package io.hearth.messaging.internal;

import io.hearth.messaging.MessagingProblem;
import io.hearth.shared.FieldError;
import io.hearth.shared.HearthProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import liqp.Template;
import liqp.TemplateParser;
import liqp.exceptions.VariableNotExistException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Liquid with strict variables: a variable the context does not hold is an error, never blank text.
 * HTML parts see every text value HTML-escaped, so a trait cannot inject markup.
 */
@Component
class LiquidTemplates {

    private final TemplateParser parser = new TemplateParser.Builder()
            .withStrictVariables(true)
            .withErrorMode(TemplateParser.ErrorMode.STRICT)
            .withMaxRenderTimeMillis(2_000)
            .withMaxIterations(10_000)
            .build();

    /** The Liquid problem of one source against a context, or empty when it renders. */
    Optional<String> check(String source, Map<String, Object> context) {
        try {
            render(source, context, false);
            return Optional.empty();
        } catch (RenderFailed e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Renders, or throws {@link RenderFailed} naming the missing variable or the syntax error. */
    String render(String source, Map<String, Object> context, boolean html) {
        Template template;
        try {
            template = parser.parse(source);
        } catch (RuntimeException e) {
            throw new RenderFailed("Liquid syntax: " + firstLine(e));
        }
        try {
            return template.render(html ? escaped(context) : context);
        } catch (VariableNotExistException e) {
            throw new RenderFailed("unknown variable '" + e.getVariableName() + "'");
        } catch (RuntimeException e) {
            VariableNotExistException missing = findMissing(e);
            if (missing != null) {
                throw new RenderFailed("unknown variable '" + missing.getVariableName() + "'");
            }
            throw new RenderFailed("Liquid: " + firstLine(e));
        }
    }

    /** Checks a definition's parts, collecting one error per part that fails. */
    static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new HearthProblem(
                    MessagingProblem.INVALID_TEMPLATE, "The template has " + errors.size() + " error(s)", errors);
        }
    }

    private static @Nullable VariableNotExistException findMissing(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof VariableNotExistException missing) {
                return missing;
            }
        }
        return null;
    }

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> escaped(Map<String, Object> context) {
        return (Map<String, Object>) escape(context);
    }

    private static @Nullable Object escape(@Nullable Object value) {
        if (value instanceof String text) {
            return HtmlUtils.htmlEscape(text);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(String.valueOf(key), escape(item)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(escape(item)));
            return copy;
        }
        return value;
    }

    /** A template did not render: the message names the variable or the syntax error. */
    static final class RenderFailed extends RuntimeException {
        RenderFailed(String message) {
            super(message);
        }
    }
}
