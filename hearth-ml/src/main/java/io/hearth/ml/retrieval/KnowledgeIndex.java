package io.hearth.ml.retrieval;

import static java.util.Objects.requireNonNull;

import io.hearth.ml.text.SentenceEmbedder;
import io.hearth.ml.text.Vectors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hybrid search over a shop's passages. BM25 finds exact wording (product names, "PayPal", "EU");
 * embeddings find paraphrases ("my parcel never came" ↔ "lost deliveries"). Their rankings are
 * fused by reciprocal rank fusion (Cormack et al. 2009): each list adds weight / (60 + rank), which
 * needs no score normalization and rewards passages both rankings agree on. Immutable after building and
 * safe for concurrent searches; close it to free the Lucene index.
 */
public final class KnowledgeIndex implements AutoCloseable {

    private final List<Passage> passages;
    private final List<float[]> embeddings;
    private final SentenceEmbedder embedder;
    private final LexicalIndex lexical;
    private final RetrievalSettings settings;

    private KnowledgeIndex(
            List<Passage> passages, List<float[]> embeddings, SentenceEmbedder embedder, RetrievalSettings settings) {
        this.settings = settings;
        this.passages = passages;
        this.embeddings = embeddings;
        this.embedder = embedder;
        this.lexical =
                new LexicalIndex(passages.stream().map(Passage::searchableText).toList());
    }

    public static KnowledgeIndex build(List<Passage> passages, SentenceEmbedder embedder) {
        return build(passages, embedder, RetrievalSettings.defaults());
    }

    public static KnowledgeIndex build(List<Passage> passages, SentenceEmbedder embedder, RetrievalSettings settings) {
        requireNonNull(passages, "passages is null");
        requireNonNull(embedder, "embedder is null");
        requireNonNull(settings, "settings is null");
        List<Passage> copy = List.copyOf(passages);
        List<float[]> embeddings =
                embedder.embedAll(copy.stream().map(Passage::searchableText).toList());
        return new KnowledgeIndex(copy, embeddings, embedder, settings);
    }

    /** The same passages and embeddings fused another way (the Lucene index is rebuilt, cheaply). */
    public KnowledgeIndex withSettings(RetrievalSettings newSettings) {
        return new KnowledgeIndex(passages, embeddings, embedder, requireNonNull(newSettings, "newSettings is null"));
    }

    public int size() {
        return passages.size();
    }

    public List<RetrievedPassage> search(String query, int limit) {
        return search(query, limit, RetrievalMode.HYBRID);
    }

    public List<RetrievedPassage> search(String query, int limit, RetrievalMode mode) {
        requireNonNull(query, "query is null");
        return search(query, embedder.embed(query), limit, mode);
    }

    /** Searches with a query embedding the caller already has (from the same embedder). */
    public List<RetrievedPassage> search(String query, float[] queryVector, int limit, RetrievalMode mode) {
        requireNonNull(query, "query is null");
        requireNonNull(queryVector, "queryVector is null");
        requireNonNull(mode, "mode is null");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        double[] cosines = new double[passages.size()];
        for (int i = 0; i < cosines.length; i++) {
            cosines[i] = Vectors.dot(queryVector, embeddings.get(i));
        }
        List<LexicalIndex.Hit> lexicalHits =
                mode == RetrievalMode.SEMANTIC ? List.of() : lexical.search(query, settings.candidates());
        List<Integer> semanticHits =
                mode == RetrievalMode.LEXICAL ? List.of() : topByCosine(cosines, settings.candidates());
        return fuse(lexicalHits, semanticHits, cosines, limit, mode);
    }

    private List<RetrievedPassage> fuse(
            List<LexicalIndex.Hit> lexicalHits,
            List<Integer> semanticHits,
            double[] cosines,
            int limit,
            RetrievalMode mode) {
        Map<Integer, int[]> ranks = new HashMap<>(); // position → {lexical rank, semantic rank}
        Map<Integer, Double> scores = new HashMap<>();
        for (int rank = 1; rank <= lexicalHits.size(); rank++) {
            LexicalIndex.Hit hit = lexicalHits.get(rank - 1);
            ranks.computeIfAbsent(hit.position(), p -> new int[2])[0] = rank;
            scores.merge(
                    hit.position(),
                    mode == RetrievalMode.LEXICAL
                            ? hit.score()
                            : settings.lexicalWeight() / (settings.fusionK() + rank),
                    Double::sum);
        }
        for (int rank = 1; rank <= semanticHits.size(); rank++) {
            int position = semanticHits.get(rank - 1);
            ranks.computeIfAbsent(position, p -> new int[2])[1] = rank;
            scores.merge(
                    position,
                    mode == RetrievalMode.SEMANTIC
                            ? cosines[position]
                            : settings.semanticWeight() / (settings.fusionK() + rank),
                    Double::sum);
        }
        List<RetrievedPassage> results = new ArrayList<>();
        scores.entrySet().stream()
                .sorted(Map.Entry.<Integer, Double>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .forEach(entry -> {
                    int[] rank = ranks.get(entry.getKey());
                    results.add(new RetrievedPassage(
                            passages.get(entry.getKey()), entry.getValue(), rank[0], rank[1], cosines[entry.getKey()]));
                });
        return results;
    }

    private static List<Integer> topByCosine(double[] cosines, int limit) {
        Integer[] order = new Integer[cosines.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(cosines[b], cosines[a]));
        return List.of(order).subList(0, Math.min(limit, order.length));
    }

    @Override
    public void close() {
        lexical.close();
    }
}
