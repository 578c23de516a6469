package io.hearth.ml.retrieval;

/** How an article's body is written. */
public enum ArticleFormat {
    MARKDOWN,
    HTML
}
