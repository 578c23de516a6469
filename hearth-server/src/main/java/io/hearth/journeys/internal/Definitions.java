package io.hearth.journeys.internal;

import io.hearth.journeys.JourneyDefinition;
import io.hearth.journeys.JourneyVersion;
import io.hearth.journeys.JourneysProblem;
import io.hearth.messaging.MessagingManagement;
import io.hearth.shared.FieldError;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.TenantCache;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Journey definitions from their source text. YAML is a superset of JSON, so one YAML reader takes
 * both; publishing checks the definition whole (including that its templates are published) and
 * stores the next immutable version.
 */
@Component
class Definitions {

    private final YAMLMapper yaml = YAMLMapper.builder().build();
    private final DefinitionParser parser;
    private final DefinitionStore store;
    private final MessagingManagement messaging;
    private final ScheduleStore schedules;
    private final TransactionTemplate transactions;
    private final Clock clock;
    // Every ingested batch and profile change asks for these; they change only when one is published.
    private final TenantCache<List<JourneyVersion>> latest = new TenantCache<>(Duration.ofSeconds(10));

    Definitions(
            DefinitionParser parser,
            DefinitionStore store,
            MessagingManagement messaging,
            ScheduleStore schedules,
            TransactionTemplate transactions,
            Clock clock) {
        this.parser = parser;
        this.store = store;
        this.messaging = messaging;
        this.schedules = schedules;
        this.transactions = transactions;
        this.clock = clock;
    }

    JourneyVersion publish(TenantId tenant, String key, String source) {
        JourneyDefinition definition = parser.parse(
                key,
                tree(source),
                template -> messaging.template(tenant, template).isPresent());
        return TenantContext.call(
                tenant,
                () -> transactions.execute(status -> {
                    Instant now = clock.instant();
                    latest.changed(tenant);
                    schedules.published(tenant, definition, now);
                    return store.publish(tenant, definition, source, now);
                }));
    }

    Optional<JourneyVersion> latest(TenantId tenant, String key) {
        return TenantContext.call(tenant, () -> store.latest(tenant, key, this::read));
    }

    Optional<JourneyVersion> version(TenantId tenant, String key, int version) {
        return TenantContext.call(tenant, () -> store.version(tenant, key, version, this::read));
    }

    /**
     * The newest version of each journey, parsed; from memory for up to 10 s. A journey published on
     * this node is seen at once, one published on another node within those seconds.
     */
    List<JourneyVersion> latestOfEach(TenantId tenant) {
        return latest.get(tenant, () -> TenantContext.call(tenant, () -> store.latestOfEach(tenant, this::read)));
    }

    List<JourneyVersion> all(TenantId tenant) {
        return TenantContext.call(tenant, () -> store.all(tenant, this::read));
    }

    long count(TenantId tenant) {
        return TenantContext.call(tenant, () -> store.count(tenant));
    }

    private JourneyDefinition read(String key, String source) {
        // Published sources were checked then; templates may since have changed, which sends report.
        return parser.parse(key, tree(source), template -> true);
    }

    private JsonNode tree(String source) {
        try {
            JsonNode tree = yaml.readTree(source);
            if (tree == null || tree.isMissingNode()) {
                throw DefinitionParser.invalid(List.of(new FieldError("", "is empty")));
            }
            return tree;
        } catch (JacksonException e) {
            throw new HearthProblem(
                    JourneysProblem.INVALID_JOURNEY,
                    "The definition is neither JSON nor YAML",
                    List.of(new FieldError("", e.getOriginalMessage())));
        }
    }
}
