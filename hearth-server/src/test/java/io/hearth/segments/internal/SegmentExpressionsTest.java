package io.hearth.segments.internal;

import static io.hearth.segments.internal.CustomerVariablesTest.aBuyer;
import static io.hearth.segments.internal.CustomerVariablesTest.aVisitor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.hearth.shared.FieldError;
import io.hearth.shared.HearthProblem;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SegmentExpressionsTest {

    final SegmentExpressions expressions = new SegmentExpressions();
    final Map<String, Object> buyer = CustomerVariables.of(aBuyer());
    final Map<String, Object> visitor = CustomerVariables.of(aVisitor());

    @Test
    void theLapsedRegularExampleMatchesOnlyTheBuyer() {
        String lapsed = "customer.orders_count >= 3 && customer.days_since_last_order > 60";

        assertThat(matches(lapsed, buyer)).isTrue();
        assertThat(matches(lapsed, visitor)).isFalse();
    }

    @Test
    void doublesCompareWithIntLiteralsAndLongsWithDoubleLiterals() {
        assertThat(matches("customer.revenue > 100", buyer)).isTrue();
        assertThat(matches("customer.orders_count < 3.5", buyer)).isTrue();
        assertThat(matches("customer.traits.age >= 40", buyer)).isTrue();
        assertThat(matches("customer.rfm.frequency == 4", buyer)).isTrue();
    }

    @Test
    void hasGuardsMissingKeysAndAMissingKeyIsNoMatch() {
        assertThat(matches("!has(customer.days_since_last_order)", visitor)).isTrue();
        assertThat(matches("has(customer.days_since_last_order)", buyer)).isTrue();
        assertThat(matches("customer.days_since_last_order > 60", visitor)).isFalse();
        assertThat(matches("customer.days_since_last_order > 60 || customer.events_count > 0", visitor))
                .isTrue();
    }

    @Test
    void timestampsCompareWithTimestampLiterals() {
        assertThat(matches("customer.last_order_at > timestamp('2026-03-01T00:00:00Z')", buyer))
                .isTrue();
        assertThat(matches("customer.first_order_at < timestamp('2026-01-01T00:00:00Z')", buyer))
                .isFalse();
        assertThat(matches("customer.last_order_at - customer.first_order_at > duration('1440h')", buyer))
                .isTrue();
    }

    @Test
    void listsAndMapsWorkWithInAndMacros() {
        assertThat(matches("'Garden' in customer.top_categories", buyer)).isTrue();
        assertThat(matches("customer.top_categories.exists(c, c.startsWith('Kit'))", buyer))
                .isTrue();
        assertThat(matches("'email' in customer.engagement && customer.engagement.email >= 4", buyer))
                .isTrue();
        assertThat(matches("size(customer.predictions) == 0", buyer)).isTrue();
    }

    @Test
    void aSyntaxErrorNamesTheExpressionWithLineAndColumn() {
        HearthProblem problem = invalid("customer.orders_count >= ");

        assertThat(problem.errors()).extracting(FieldError::pointer).containsOnly("/expression");
        assertThat(problem.errors().get(0).detail()).startsWith("1:26: ");
    }

    @Test
    void typeErrorsUnknownNamesAndNonBooleansAreRejected() {
        assertThat(invalid("customer.orders_count + 'a' > 1").errors().get(0).detail())
                .contains("no matching overload");
        assertThat(invalid("shopper.orders_count > 1").errors().get(0).detail()).contains("undeclared reference");
        assertThat(invalid("1 + 2").errors()).isNotEmpty();
        assertThat(invalid("   ").errors().get(0).detail()).isEqualTo("is required");
        assertThat(invalid("true || " + "true || ".repeat(600) + "true")
                        .errors()
                        .get(0)
                        .detail())
                .contains("4096");
    }

    boolean matches(String expression, Map<String, Object> customer) {
        return expressions.compile(expression).matches(customer);
    }

    HearthProblem invalid(String expression) {
        return catchThrowableOfType(HearthProblem.class, () -> expressions.compile(expression));
    }
}
