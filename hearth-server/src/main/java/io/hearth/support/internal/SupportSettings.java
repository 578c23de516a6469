package io.hearth.support.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the support module.
 *
 * @param sentimentLexicon a file of tab-separated token and valence lines (VADER's format) that
 *     replaces the bundled retail lexicon; null keeps the bundled one
 * @param orderNumberPattern the regular expression of the shop's order numbers
 * @param embedderThreads worker threads of the sentence embedder
 */
@ConfigurationProperties("hearth.support")
record SupportSettings(
        @Nullable String sentimentLexicon,
        @DefaultValue("[A-Za-z]{0,4}-?\\d{4,10}") String orderNumberPattern,
        @DefaultValue("1") int embedderThreads) {

    SupportSettings {
        if (embedderThreads < 1) {
            throw new IllegalArgumentException("hearth.support.embedder-threads must be at least 1");
        }
        java.util.regex.Pattern.compile(orderNumberPattern);
    }
}
