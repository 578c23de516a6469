package io.hearth.segments.internal;

import io.hearth.segments.internal.SegmentExpressions.Condition;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Compiled expressions by their text, so incremental evaluation does not re-compile every segment for
 * every batch of profile changes. Expressions reach here only after they were validated on save.
 */
@Component
class Conditions {

    private static final int MAX_CACHED = 10_000;

    private final SegmentExpressions expressions = new SegmentExpressions();
    private final Map<String, Condition> compiled = new ConcurrentHashMap<>();

    /** @throws io.hearth.shared.HearthProblem when the expression is not valid */
    Condition compile(String expression) {
        Condition cached = compiled.get(expression);
        if (cached != null) {
            return cached;
        }
        Condition condition = expressions.compile(expression);
        if (compiled.size() >= MAX_CACHED) {
            compiled.clear();
        }
        compiled.put(expression, condition);
        return condition;
    }
}
