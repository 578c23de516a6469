package io.hearth.messaging;

import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.util.Optional;

/**
 * A port that feeds one namespace of template variables ({@code customer}, {@code order},
 * {@code recommendations}, {@code loyalty}, {@code predictions}). Modules that own the data plug in
 * by declaring a bean; the publish check uses {@link #sample()} to know which variables exist.
 */
public interface VariableSource {

    /** The top-level variable name, e.g. {@code recommendations}. */
    String namespace();

    /** A value of the shape {@link #resolve} answers, with every field filled: for checks and previews. */
    Object sample();

    /**
     * The customer's value, or empty when there is none: a template using the namespace then fails
     * to send (as a permanent failure naming the variable) rather than sending blanks.
     */
    Optional<Object> resolve(TenantId tenant, CustomerId customer);

    /**
     * The value a preview shows: the same as {@link #resolve} unless resolving has effects a preview
     * must not have (a recommendation slate is recorded for attribution; a preview's is not).
     */
    default Optional<Object> preview(TenantId tenant, CustomerId customer) {
        return resolve(tenant, customer);
    }
}
