package io.hearth.messaging;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** A published, immutable version of a template. */
public record PublishedTemplate(TemplateDefinition definition, int version, Instant publishedAt) {

    public PublishedTemplate {
        requireNonNull(definition, "definition is null");
        requireNonNull(publishedAt, "publishedAt is null");
    }

    public String key() {
        return definition.key();
    }
}
