package io.hearth.ingestion.internal;

import io.hearth.ingestion.AttributeDefinition;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The shops' attribute definitions. Ingestion checks every identify call against them, so they are
 * kept in memory: a change made on this node counts at once, one made on another node within
 * {@link #FRESH_FOR}.
 */
@Component
public class AttributeRegistry {

    static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private final AttributeRepository repository;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ConcurrentHashMap<TenantId, Loaded> cache = new ConcurrentHashMap<>();

    AttributeRegistry(AttributeRepository repository, TransactionTemplate transactions, Clock clock) {
        this.repository = repository;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Stores or replaces the definition; answers whether it is new. */
    public boolean define(TenantId tenant, AttributeDefinition definition) {
        Boolean created = inTenant(tenant, () -> repository.save(tenant, definition, clock.instant()));
        cache.remove(tenant);
        return Boolean.TRUE.equals(created);
    }

    /** Removes the definition; answers whether there was one. */
    public boolean remove(TenantId tenant, String name) {
        Boolean removed = inTenant(tenant, () -> repository.delete(tenant, name));
        cache.remove(tenant);
        return Boolean.TRUE.equals(removed);
    }

    public List<AttributeDefinition> definitions(TenantId tenant) {
        return schema(tenant).definitions().values().stream()
                .sorted(java.util.Comparator.comparing(AttributeDefinition::name))
                .toList();
    }

    public Optional<AttributeDefinition> definition(TenantId tenant, String name) {
        return Optional.ofNullable(schema(tenant).definitions().get(name));
    }

    public boolean fits(TenantId tenant, String name, JsonNode value) {
        return schema(tenant).fits(name, value);
    }

    TraitSchema schema(TenantId tenant) {
        Instant now = clock.instant();
        Loaded loaded = cache.get(tenant);
        if (loaded == null || now.isAfter(loaded.at().plus(FRESH_FOR)) || now.isBefore(loaded.at())) {
            loaded = new Loaded(TraitSchema.of(inTenant(tenant, () -> repository.all(tenant))), now);
            cache.put(tenant, loaded);
        }
        return loaded.schema();
    }

    private <T> T inTenant(TenantId tenant, java.util.function.Supplier<T> work) {
        return TenantContext.call(tenant, () -> transactions.execute(status -> work.get()));
    }

    private record Loaded(TraitSchema schema, Instant at) {}
}
