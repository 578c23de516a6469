package io.hearth.ml.retrieval;

import static java.util.Objects.requireNonNull;

/**
 * A retrievable piece of an article: a few paragraphs under one heading.
 *
 * @param section the nearest heading above the passage, or the article title
 * @param ordinal position of the passage within its article, from 0
 */
public record Passage(String articleId, String title, String source, String section, String text, int ordinal) {

    public Passage {
        requireNonNull(articleId, "articleId is null");
        requireNonNull(title, "title is null");
        requireNonNull(source, "source is null");
        requireNonNull(section, "section is null");
        requireNonNull(text, "text is null");
    }

    /** What is indexed and embedded: the headings give a short passage its context. */
    String searchableText() {
        return section.equals(title) ? title + ". " + text : title + ". " + section + ". " + text;
    }
}
