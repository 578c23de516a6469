package io.hearth.ml.retrieval;

import static java.util.Objects.requireNonNull;

/**
 * A knowledge-base article as the shop wrote it.
 *
 * @param id the shop's identifier, returned with every passage
 * @param source where a customer can read the whole article (a URL or path), quoted with answers
 */
public record Article(String id, String title, String source, String body, ArticleFormat format) {

    public Article {
        requireNonNull(id, "id is null");
        requireNonNull(title, "title is null");
        requireNonNull(source, "source is null");
        requireNonNull(body, "body is null");
        requireNonNull(format, "format is null");
    }
}
