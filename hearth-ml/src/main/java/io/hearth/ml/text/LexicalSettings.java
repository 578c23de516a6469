package io.hearth.ml.text;

/**
 * Vocabulary limits of {@link LexicalFeatures}: the most document-frequent word and character terms
 * are kept, each seen in at least {@code minDocumentFrequency} training texts.
 */
public record LexicalSettings(
        int maxWordTerms, int maxCharTerms, int minCharGram, int maxCharGram, int minDocumentFrequency) {

    public LexicalSettings {
        if (maxWordTerms < 0 || maxCharTerms < 0) {
            throw new IllegalArgumentException("term limits must not be negative");
        }
        if (minCharGram < 1 || maxCharGram < minCharGram) {
            throw new IllegalArgumentException("character grams need 1 <= min <= max");
        }
        if (minDocumentFrequency < 1) {
            throw new IllegalArgumentException("minDocumentFrequency must be positive");
        }
    }

    public static LexicalSettings defaults() {
        return new LexicalSettings(20_000, 40_000, 2, 5, 2);
    }
}
