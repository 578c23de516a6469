package io.hearth.segments.internal;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import io.hearth.segments.SegmentsProblem;
import io.hearth.shared.FieldError;
import io.hearth.shared.HearthProblem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Compiles segment expressions with CEL: parsed, type-checked against {@code customer} as a
 * {@code map(string, dyn)}, required to answer a bool. CEL has no side effects and no I/O; length and
 * comprehension iterations are capped so one expression cannot take a tenant's evaluation hostage.
 */
final class SegmentExpressions {

    static final int MAX_BYTES = 4096;
    static final int MAX_ITERATIONS = 10_000;
    static final String POINTER = "/expression";

    private final CelCompiler compiler;
    private final CelRuntime runtime;

    SegmentExpressions() {
        // Profiles hold Doubles and Longs side by side; both builders must allow comparing them.
        CelOptions options = CelOptions.current()
                .enableHeterogeneousNumericComparisons(true)
                .maxExpressionCodePointSize(MAX_BYTES)
                .comprehensionMaxIterations(MAX_ITERATIONS)
                .build();
        this.compiler = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(options)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addVar("customer", MapType.create(SimpleType.STRING, SimpleType.DYN))
                .setResultType(SimpleType.BOOL)
                .build();
        this.runtime = CelRuntimeFactory.standardCelRuntimeBuilder()
                .setOptions(options)
                .build();
    }

    /**
     * @throws HearthProblem {@link SegmentsProblem#INVALID_SEGMENT} naming {@code /expression} with
     *     CEL's messages, each with its line:column
     */
    Condition compile(String expression) {
        if (expression.isBlank()) {
            throw invalid(List.of("is required"));
        }
        if (expression.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw invalid(List.of("is longer than " + MAX_BYTES + " bytes"));
        }
        CelValidationResult result = compiler.compile(expression);
        if (result.hasError()) {
            throw invalid(result.getErrors().stream()
                    .map(SegmentExpressions::describe)
                    .toList());
        }
        try {
            CelAbstractSyntaxTree ast = result.getAst();
            return new Condition(expression, runtime.createProgram(ast));
        } catch (CelValidationException | CelEvaluationException e) {
            throw invalid(List.of(e.getMessage()));
        }
    }

    private static String describe(CelIssue issue) {
        // CEL counts columns from 0; people and editors count from 1.
        return issue.getSourceLocation().getLine() + ":"
                + (issue.getSourceLocation().getColumn() + 1) + ": " + issue.getMessage();
    }

    private static HearthProblem invalid(List<String> messages) {
        List<FieldError> errors = messages.stream()
                .map(message -> new FieldError(POINTER, message))
                .toList();
        return new HearthProblem(
                SegmentsProblem.INVALID_SEGMENT, "The expression is not valid CEL: " + messages.get(0), errors);
    }

    /** A compiled expression; thread-safe. */
    record Condition(String expression, CelRuntime.Program program) {

        /**
         * Whether the customer matches. An evaluation error (a key the customer lacks, a type
         * mismatch, too many iterations) counts as no match, as CEL's {@code ||} and {@code &&} treat
         * errors they can absorb.
         */
        boolean matches(Map<String, Object> customer) {
            try {
                return Boolean.TRUE.equals(program.eval(Map.of("customer", customer)));
            } catch (CelEvaluationException e) {
                return false;
            }
        }
    }
}
