package io.hearth.ml.retrieval;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts articles into passages: a heading starts a new passage, paragraphs under it are packed
 * together up to {@code maxWords}, and a paragraph longer than that is cut at sentence ends (or,
 * for a run-on sentence, every {@code maxWords} words). Passages short enough to quote whole are
 * what make an answer readable.
 */
public final class PassageChunker {

    private final int maxWords;

    public PassageChunker(int maxWords) {
        if (maxWords < 10) {
            throw new IllegalArgumentException("maxWords must be at least 10: " + maxWords);
        }
        this.maxWords = maxWords;
    }

    public static PassageChunker defaults() {
        return new PassageChunker(120);
    }

    public List<Passage> chunk(Article article) {
        requireNonNull(article, "article is null");
        List<Passage> passages = new ArrayList<>();
        String section = article.title();
        List<String> pending = new ArrayList<>();
        for (Block block : MarkupText.blocks(article.body(), article.format())) {
            if (block.heading()) {
                emit(article, section, pending, passages);
                section = block.text().isEmpty() ? article.title() : block.text();
                continue;
            }
            for (String piece : pieces(block.text())) {
                if (words(String.join(" ", pending)) + words(piece) > maxWords) {
                    emit(article, section, pending, passages);
                }
                pending.add(piece);
            }
        }
        emit(article, section, pending, passages);
        return passages;
    }

    public List<Passage> chunkAll(List<Article> articles) {
        return articles.stream().flatMap(article -> chunk(article).stream()).toList();
    }

    private static void emit(Article article, String section, List<String> pending, List<Passage> passages) {
        if (pending.isEmpty()) {
            return;
        }
        passages.add(new Passage(
                article.id(), article.title(), article.source(), section, String.join(" ", pending), passages.size()));
        pending.clear();
    }

    /** A paragraph as pieces of at most {@code maxWords} words, cut at sentence ends where possible. */
    private List<String> pieces(String paragraph) {
        if (words(paragraph) <= maxWords) {
            return List.of(paragraph);
        }
        List<String> pieces = new ArrayList<>();
        for (String sentence : paragraph.split("(?<=[.!?])\\s+")) {
            String[] tokens = sentence.split("\\s+");
            for (int start = 0; start < tokens.length; start += maxWords) {
                pieces.add(
                        String.join(" ", Arrays.copyOfRange(tokens, start, Math.min(tokens.length, start + maxWords))));
            }
        }
        return pieces;
    }

    private static int words(String text) {
        return text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }
}
