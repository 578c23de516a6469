package io.hearth.catalog.internal;

import io.hearth.catalog.Product;
import io.hearth.catalog.ProductUpdate;
import io.hearth.shared.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Products of a tenant; runs in the caller's tenant transaction. */
@Repository
class ProductStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() {};
    private static final String COLUMNS = """
            product_id, name, category, brand, price, currency, in_stock, replenishable, url, image_url,
            attributes::text as attributes, updated_at""";

    private final JdbcClient jdbc;

    ProductStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Creates or updates the product, keeping stored values where the update has none. Answers the
     * product as stored when something changed, and nothing when it was already so.
     */
    Optional<Product> upsert(TenantId tenant, ProductUpdate update, Instant now) {
        return jdbc.sql("""
                insert into catalog_product as p (tenant_id, product_id, name, category, brand, price, currency,
                    in_stock, replenishable, url, image_url, attributes, updated_at)
                values (:tenant, :id, :name, :category, :brand, :price, :currency, coalesce(:inStock, true),
                    coalesce(:replenishable, false), :url, :imageUrl, coalesce(cast(:attributes as jsonb), '{}'), :now)
                on conflict (tenant_id, product_id) do update set
                    name = coalesce(:name, p.name), category = coalesce(:category, p.category),
                    brand = coalesce(:brand, p.brand), price = coalesce(:price, p.price),
                    currency = coalesce(:currency, p.currency), in_stock = coalesce(:inStock, p.in_stock),
                    replenishable = coalesce(:replenishable, p.replenishable), url = coalesce(:url, p.url),
                    image_url = coalesce(:imageUrl, p.image_url),
                    attributes = coalesce(cast(:attributes as jsonb), p.attributes), updated_at = :now
                where (p.name, p.category, p.brand, p.price, p.currency, p.in_stock, p.replenishable, p.url,
                        p.image_url, p.attributes)
                    is distinct from (coalesce(:name, p.name), coalesce(:category, p.category),
                        coalesce(:brand, p.brand), coalesce(:price, p.price), coalesce(:currency, p.currency),
                        coalesce(:inStock, p.in_stock), coalesce(:replenishable, p.replenishable),
                        coalesce(:url, p.url), coalesce(:imageUrl, p.image_url),
                        coalesce(cast(:attributes as jsonb), p.attributes))
                returning\s""" + COLUMNS)
                .param("tenant", tenant.value())
                .param("id", update.productId())
                .param("name", update.name())
                .param("category", update.category())
                .param("brand", update.brand())
                .param("price", update.price())
                .param("currency", update.currency())
                .param("inStock", update.inStock())
                .param("replenishable", update.replenishable())
                .param("url", update.url())
                .param("imageUrl", update.imageUrl())
                .param("attributes", update.attributes() == null ? null : JSON.writeValueAsString(update.attributes()))
                .param("now", Timestamp.from(now))
                .query(ProductStore::product)
                .optional();
    }

    Optional<Product> find(TenantId tenant, String productId) {
        return jdbc.sql("select " + COLUMNS + " from catalog_product where tenant_id = :tenant and product_id = :id")
                .param("tenant", tenant.value())
                .param("id", productId)
                .query(ProductStore::product)
                .optional();
    }

    List<Product> find(TenantId tenant, Collection<String> productIds) {
        if (productIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS
                        + " from catalog_product where tenant_id = :tenant and product_id = any(:ids)")
                .param("tenant", tenant.value())
                .param("ids", productIds.toArray(String[]::new))
                .query(ProductStore::product)
                .list();
    }

    /** A page of products in id order after {@code after}. */
    List<Product> page(TenantId tenant, int limit, @Nullable String after) {
        return jdbc.sql("select " + COLUMNS + " " + """
                 from catalog_product where tenant_id = :tenant and (cast(:after as text) is null or product_id > :after)
                 order by product_id limit :limit""")
                .param("tenant", tenant.value())
                .param("after", after)
                .param("limit", limit)
                .query(ProductStore::product)
                .list();
    }

    long count(TenantId tenant) {
        return jdbc.sql("select count(*) from catalog_product where tenant_id = :tenant")
                .param("tenant", tenant.value())
                .query(Long.class)
                .single();
    }

    private static Product product(ResultSet rs, int row) throws SQLException {
        return new Product(
                rs.getString("product_id"),
                rs.getString("name"),
                rs.getString("category"),
                rs.getString("brand"),
                rs.getBigDecimal("price"),
                rs.getString("currency"),
                rs.getBoolean("in_stock"),
                rs.getBoolean("replenishable"),
                rs.getString("url"),
                rs.getString("image_url"),
                JSON.readValue(rs.getString("attributes"), ATTRIBUTES),
                rs.getTimestamp("updated_at").toInstant());
    }
}
