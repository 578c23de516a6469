package io.hearth.support.internal;

import io.hearth.ml.retrieval.Article;
import io.hearth.ml.retrieval.ArticleFormat;
import io.hearth.ml.retrieval.KnowledgeIndex;
import io.hearth.ml.retrieval.PassageChunker;
import io.hearth.ml.retrieval.RetrievalMode;
import io.hearth.ml.retrieval.RetrievedPassage;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The shop's help-centre articles: stored as uploaded, cut into passages and indexed (BM25 and
 * embeddings) once per tenant on first search after a change, then kept in memory.
 */
@Component
class KnowledgeBase {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final SupportModels models;
    private final Clock clock;
    private final Map<TenantId, Optional<KnowledgeIndex>> indexes = new ConcurrentHashMap<>();

    KnowledgeBase(JdbcClient jdbc, TransactionTemplate transactions, SupportModels models, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.models = models;
        this.clock = clock;
    }

    /** Stores (or replaces) an article; answers how many passages it has. */
    int save(TenantId tenant, Article article) {
        int passages = PassageChunker.defaults().chunk(article).size();
        TenantContext.run(
                tenant,
                () -> transactions.executeWithoutResult(status -> jdbc.sql("""
                        insert into support_article (tenant_id, article_id, title, source, format, body, updated_at)
                        values (:t, :id, :title, :source, :format, :body, :at)
                        on conflict (tenant_id, article_id) do update set title = excluded.title,
                          source = excluded.source, format = excluded.format, body = excluded.body,
                          updated_at = excluded.updated_at
                        """)
                        .param("t", tenant.value())
                        .param("id", article.id())
                        .param("title", article.title())
                        .param("source", article.source())
                        .param("format", article.format().name())
                        .param("body", article.body())
                        .param("at", Timestamp.from(clock.instant()))
                        .update()));
        // Dropped, not closed: a search running on the old index finishes on it, and the in-memory
        // Lucene directory and vectors are reclaimed by the collector once nobody holds them.
        indexes.remove(tenant);
        return passages;
    }

    /** The best passages for the message, best first; empty when the shop has no articles. */
    List<RetrievedPassage> search(TenantId tenant, String message, float[] embedding, int limit) {
        return indexes.computeIfAbsent(tenant, this::build)
                .map(index -> index.search(message, embedding, limit, RetrievalMode.HYBRID))
                .orElse(List.of());
    }

    private Optional<KnowledgeIndex> build(TenantId tenant) {
        List<Article> articles = TenantContext.call(
                tenant,
                () -> transactions.execute(status -> jdbc.sql("""
                                select article_id, title, source, body, format from support_article
                                where tenant_id = :t order by article_id
                                """)
                        .param("t", tenant.value())
                        .query((rs, row) -> new Article(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                ArticleFormat.valueOf(rs.getString(5))))
                        .list()));
        if (articles.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(KnowledgeIndex.build(PassageChunker.defaults().chunkAll(articles), models.embedder()));
    }
}
