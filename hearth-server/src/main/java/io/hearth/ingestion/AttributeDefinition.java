package io.hearth.ingestion;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A registered trait of a shop's customers: what {@code identify} calls must send under
 * {@code traits.<name>}. Traits without a definition are accepted as they come.
 *
 * @param required whether every {@code identify} call must carry the trait (not null)
 * @param values the allowed values of an {@link AttributeType#ENUM}; empty for the other types
 * @param minimum the smallest allowed {@link AttributeType#NUMBER}, inclusive; null for none
 * @param maximum the largest allowed {@link AttributeType#NUMBER}, inclusive; null for none
 * @param maxLength the most characters of a {@link AttributeType#STRING}; null for none
 * @param description what the trait means, for people; null for none
 */
public record AttributeDefinition(
        String name,
        AttributeType type,
        boolean required,
        List<String> values,
        @Nullable BigDecimal minimum,
        @Nullable BigDecimal maximum,
        @Nullable Integer maxLength,
        @Nullable String description) {

    /** What a name looks like: a letter or underscore, then letters, digits and underscores, at most 64. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    public AttributeDefinition {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        values = List.copyOf(values);
    }
}
