package io.hearth.recommendations.internal;

import io.hearth.catalog.CatalogManagement;
import io.hearth.catalog.Product;
import io.hearth.recommendations.TrainingProgress;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import io.hearth.shared.TextEmbedder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Text embeddings of a tenant's products for content similarity: each product's {@link ProductText}
 * through the shared sentence embedder, stored with the text's hash so that a training run embeds
 * only products that are new or whose text changed (the model costs a few milliseconds per product;
 * a catalogue of 50,000 is embedded once, not on every retrain).
 */
@Component
class ProductEmbeddings {

    private static final int PAGE = 1_000;
    private static final int EMBED_BATCH = 256;
    private static final int RECENT = 10_000;

    private final CatalogManagement catalog;
    private final TextEmbedder embedder;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final BoundedCache<Key, Stored> recent = new BoundedCache<>(RECENT);

    ProductEmbeddings(
            CatalogManagement catalog,
            TextEmbedder embedder,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            Clock clock) {
        this.catalog = catalog;
        this.embedder = embedder;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Every described product's unit vector, the most recently updated product first (so that a
     * bounded pass over cold items takes the newest ones), embedding and storing what changed.
     */
    Map<String, float[]> refresh(TenantId tenant, TrainingProgress progress) {
        List<Product> products = products(tenant);
        products.sort(Comparator.comparing(Product::updatedAt).reversed().thenComparing(Product::productId));
        Map<String, Stored> stored = stored(tenant);
        Map<String, float[]> vectors = new LinkedHashMap<>();
        List<Pending> pending = new ArrayList<>();
        for (Product product : products) {
            String text = ProductText.of(product);
            if (text == null) {
                continue;
            }
            long hash = ProductText.hash(text);
            Stored known = stored.get(product.productId());
            if (known != null && known.hash == hash) {
                vectors.put(product.productId(), known.vector);
            } else {
                vectors.put(product.productId(), null);
                pending.add(new Pending(product.productId(), text, hash));
            }
        }
        for (int from = 0; from < pending.size(); from += EMBED_BATCH) {
            List<Pending> batch = pending.subList(from, Math.min(pending.size(), from + EMBED_BATCH));
            List<float[]> embedded =
                    embedder.model().embedAll(batch.stream().map(Pending::text).toList());
            for (int i = 0; i < batch.size(); i++) {
                vectors.put(batch.get(i).productId, embedded.get(i));
            }
            save(tenant, batch, embedded);
            progress.productsEmbedded(from + batch.size(), pending.size());
        }
        progress.step("content", vectors.size() + " products described, " + pending.size() + " embedded");
        return vectors;
    }

    /**
     * The vector of one product, for a product page asked about before the product's first training:
     * the stored one while its text is unchanged, else embedded now (a few milliseconds) and stored;
     * {@code null} for a product without text or unknown to the catalog.
     */
    float @Nullable [] current(TenantId tenant, String productId) {
        Product product = catalog.products(tenant, List.of(productId)).stream()
                .findFirst()
                .orElse(null);
        String text = product == null ? null : ProductText.of(product);
        if (text == null) {
            return null;
        }
        long hash = ProductText.hash(text);
        Key key = new Key(tenant, productId);
        Stored known = recent.get(key);
        if (known == null || known.hash != hash) {
            known = storedOne(tenant, productId);
        }
        if (known == null || known.hash != hash) {
            float[] vector = embedder.model().embed(text);
            save(tenant, List.of(new Pending(productId, text, hash)), List.of(vector));
            known = new Stored(hash, vector);
        }
        recent.put(key, known);
        return known.vector.clone();
    }

    private @Nullable Stored storedOne(TenantId tenant, String productId) {
        return TenantContext.call(
                tenant,
                () -> jdbc
                        .query(
                                """
                                select text_hash, embedding from recommendations_product_text
                                where tenant_id = ? and product_id = ?""",
                                (rs, row) -> new Stored(rs.getLong("text_hash"), decode(rs.getBytes("embedding"))),
                                tenant.value(),
                                productId)
                        .stream()
                        .findFirst()
                        .orElse(null));
    }

    private List<Product> products(TenantId tenant) {
        List<Product> all = new ArrayList<>();
        String after = null;
        List<Product> page;
        do {
            page = catalog.page(tenant, PAGE, after);
            all.addAll(page);
            after = page.isEmpty() ? after : page.getLast().productId();
        } while (page.size() == PAGE);
        return all;
    }

    private Map<String, Stored> stored(TenantId tenant) {
        Map<String, Stored> stored = new HashMap<>();
        TenantContext.run(
                tenant,
                () -> jdbc.query(
                        "select product_id, text_hash, embedding from recommendations_product_text where tenant_id = ?",
                        rs -> {
                            stored.put(
                                    rs.getString("product_id"),
                                    new Stored(rs.getLong("text_hash"), decode(rs.getBytes("embedding"))));
                        },
                        tenant.value()));
        return stored;
    }

    private void save(TenantId tenant, List<Pending> batch, List<float[]> vectors) {
        Timestamp now = Timestamp.from(clock.instant());
        TenantContext.run(
                tenant,
                () -> transactions.executeWithoutResult(status ->
                        jdbc.batchUpdate("""
                        insert into recommendations_product_text (tenant_id, product_id, text_hash, embedding, embedded_at)
                        values (?, ?, ?, ?, ?)
                        on conflict (tenant_id, product_id) do update
                        set text_hash = excluded.text_hash, embedding = excluded.embedding,
                            embedded_at = excluded.embedded_at""", new BatchPreparedStatementSetter() {
                            @Override
                            public void setValues(PreparedStatement statement, int i) throws SQLException {
                                statement.setObject(1, tenant.value());
                                statement.setString(2, batch.get(i).productId);
                                statement.setLong(3, batch.get(i).hash);
                                statement.setBytes(4, encode(vectors.get(i)));
                                statement.setTimestamp(5, now);
                            }

                            @Override
                            public int getBatchSize() {
                                return batch.size();
                            }
                        })));
    }

    static byte[] encode(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(vector);
        return bytes.array();
    }

    static float[] decode(byte[] bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }

    private record Stored(long hash, float[] vector) {}

    private record Key(TenantId tenant, String productId) {}

    private record Pending(String productId, String text, long hash) {}
}
