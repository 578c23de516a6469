package io.hearth.shared;

import io.hearth.ml.text.SentenceEmbedder;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The process's one sentence-embedding model, shared by the modules that read text (support's
 * messages and articles, recommendations' product descriptions): the model holds about 100 MB and
 * takes a second or two to load, so it is loaded on first use, once, and never at start-up.
 */
@Component
public class TextEmbedder {

    private final int threads;
    private volatile @Nullable SentenceEmbedder model;

    TextEmbedder(@Value("${hearth.embedder.threads:${hearth.support.embedder-threads:1}}") int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("hearth.embedder.threads must be at least 1");
        }
        this.threads = threads;
    }

    public SentenceEmbedder model() {
        SentenceEmbedder loaded = model;
        if (loaded == null) {
            synchronized (this) {
                loaded = model;
                if (loaded == null) {
                    loaded = SentenceEmbedder.load(threads);
                    model = loaded;
                }
            }
        }
        return loaded;
    }
}
