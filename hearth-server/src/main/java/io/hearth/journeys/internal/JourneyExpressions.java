package io.hearth.journeys.internal;

import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * CEL for trigger filters ({@code event}) and branch conditions ({@code customer}, {@code run}):
 * sandboxed, no I/O, bounded. Values are normalized to Long/Double first, as CEL never accepts Integer.
 */
@Component
class JourneyExpressions {

    private final CelCompiler compiler;
    private final CelRuntime runtime;
    private final Map<String, CelRuntime.Program> programs = new ConcurrentHashMap<>();

    JourneyExpressions() {
        CelOptions options = CelOptions.current()
                .enableHeterogeneousNumericComparisons(true)
                .maxExpressionCodePointSize(4096)
                .comprehensionMaxIterations(10_000)
                .build();
        MapType dynamicMap = MapType.create(SimpleType.STRING, SimpleType.DYN);
        this.compiler = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(options)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addVar("event", dynamicMap)
                .addVar("customer", dynamicMap)
                .addVar("run", dynamicMap)
                .setResultType(SimpleType.BOOL)
                .build();
        this.runtime = CelRuntimeFactory.standardCelRuntimeBuilder()
                .setOptions(options)
                .build();
    }

    /** CEL's complaint about the expression, or empty when it compiles to a bool. */
    Optional<String> problem(String expression) {
        CelValidationResult result = compiler.compile(expression);
        if (result.hasError()) {
            return Optional.of(result.getErrors().stream()
                    .map(issue -> issue.getMessage())
                    .reduce((a, b) -> a + "; " + b)
                    .orElse("does not compile"));
        }
        return Optional.empty();
    }

    /** Evaluates a published (so compiling) expression; an evaluation error counts as false. */
    boolean holds(String expression, Map<String, Object> variables) {
        CelRuntime.Program program = programs.computeIfAbsent(expression, this::program);
        try {
            return Boolean.TRUE.equals(program.eval(normalize(variables)));
        } catch (CelEvaluationException e) {
            return false;
        }
    }

    private CelRuntime.Program program(String expression) {
        try {
            return runtime.createProgram(compiler.compile(expression).getAst());
        } catch (Exception e) {
            throw new IllegalStateException("a published expression does not compile: " + expression, e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> normalize(Map<String, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(key, value(value)));
        return copy;
    }

    private static Object value(Object value) {
        if (value instanceof Integer number) {
            return number.longValue();
        }
        if (value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float number) {
            return number.doubleValue();
        }
        if (value instanceof java.math.BigDecimal number) {
            return number.doubleValue();
        }
        if (value instanceof java.math.BigInteger number) {
            return number.longValue();
        }
        if (value instanceof Map<?, ?> map) {
            return normalize((Map<String, ?>) map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(value(item)));
            return copy;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.toString();
        }
        return value == null ? "" : value;
    }
}
