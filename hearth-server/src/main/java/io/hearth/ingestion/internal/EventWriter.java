package io.hearth.ingestion.internal;

import io.hearth.ingestion.BatchReceipt;
import io.hearth.ingestion.BatchReceipt.Rejection;
import io.hearth.ingestion.EventRef;
import io.hearth.ingestion.EventsIngested;
import io.hearth.ingestion.IngestionProblem;
import io.hearth.ingestion.StoredEvent;
import io.hearth.shared.FieldError;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Validates messages and appends the valid ones with their announcement, in one transaction. */
@Component
public class EventWriter implements DisposableBean {

    private final MessageNormalizer normalizer;
    private final EventLog log;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate transactions;
    private final IngestionMetrics metrics;
    private final TenantCurrencies currencies;
    private final AttributeRegistry attributes;
    private final Clock clock;
    private final @Nullable GroupCommit groupCommit;
    private final BatchHandover handover;

    EventWriter(
            MessageNormalizer normalizer,
            EventLog log,
            ApplicationEventPublisher publisher,
            TransactionTemplate transactions,
            IngestionMetrics metrics,
            TenantCurrencies currencies,
            AttributeRegistry attributes,
            Clock clock,
            GroupCommitSettings groupCommitSettings,
            BatchHandover handover) {
        this.normalizer = normalizer;
        this.log = log;
        this.publisher = publisher;
        this.transactions = transactions;
        this.metrics = metrics;
        this.currencies = currencies;
        this.attributes = attributes;
        this.clock = clock;
        this.handover = handover;
        this.groupCommit =
                groupCommitSettings.enabled() ? new GroupCommit(this::appendShared, groupCommitSettings) : null;
    }

    public BatchReceipt writeOne(TenantId tenant, UUID sourceId, String type, JsonNode message) {
        MessageDefaults defaults =
                MessageDefaults.none(now(), currencies.of(tenant)).with(attributes.schema(tenant));
        NormalizedMessage normalized = normalizer.normalize(message, type, defaults);
        if (normalized.accepted().isEmpty()) {
            metrics.rejected(normalized.reason(), 1);
            throw new HearthProblem(IngestionProblem.INVALID_EVENT, describe(normalized.errors()), normalized.errors());
        }
        PendingEvent event = normalized.accepted().get();
        if (groupCommit == null) {
            return store(tenant, sourceId, List.of(event), List.of());
        }
        boolean stored = groupCommit.store(tenant, sourceId, event);
        return new BatchReceipt(stored ? 1 : 0, stored ? 0 : 1, List.of());
    }

    /** A shared transaction of single calls: their events, announced together. */
    private Set<UUID> appendShared(TenantId tenant, UUID sourceId, List<PendingEvent> events) {
        Set<UUID> stored = new HashSet<>();
        for (StoredEvent event : append(tenant, sourceId, events)) {
            stored.add(event.eventId());
        }
        return stored;
    }

    public BatchReceipt writeBatch(TenantId tenant, UUID sourceId, JsonNode body) {
        JsonNode batch = body.get("batch");
        if (batch == null || !batch.isArray() || batch.isEmpty()) {
            metrics.rejected("invalid-batch", 1);
            throw new HearthProblem(
                    IngestionProblem.INVALID_BATCH,
                    "A batch needs a non-empty array of events",
                    List.of(new FieldError("/batch", "must be a non-empty array of events")));
        }
        MessageDefaults defaults = new MessageDefaults(
                body.get("context"), body.get("integrations"), body.get("sentAt"), now(), currencies.of(tenant));
        return writeMessages(tenant, sourceId, batch.values(), defaults);
    }

    public BatchReceipt writeMessages(
            TenantId tenant, UUID sourceId, Iterable<? extends JsonNode> messages, @Nullable MessageDefaults given) {
        MessageDefaults defaults = (given != null ? given : MessageDefaults.none(now(), currencies.of(tenant)))
                .with(attributes.schema(tenant));
        Validated validated = validate(messages, defaults);
        if (validated.valid().isEmpty()) {
            List<FieldError> errors = validated.rejected().stream()
                    .flatMap(rejection -> rejection.errors().stream())
                    .toList();
            throw new HearthProblem(IngestionProblem.INVALID_BATCH, "No event of the batch is valid", errors);
        }
        return store(tenant, sourceId, validated.valid(), validated.rejected());
    }

    /**
     * Stores orders read from a file: events may be larger than over HTTP, amounts without a currency
     * take the given one (the tenant's when null), and a batch without a valid event is reported, not
     * thrown, so that the importer can name the file's lines at fault.
     */
    public ImportedBatch writeImported(
            TenantId tenant, UUID sourceId, List<? extends JsonNode> messages, @Nullable String currency) {
        MessageDefaults defaults =
                MessageDefaults.forImport(now(), currency != null ? currency : currencies.of(tenant));
        Validated validated = validate(messages, defaults);
        if (validated.valid().isEmpty()) {
            return new ImportedBatch(List.of(), 0, validated.rejected());
        }
        List<StoredEvent> stored = append(tenant, sourceId, validated.valid());
        return new ImportedBatch(stored, validated.valid().size() - stored.size(), validated.rejected());
    }

    private Validated validate(Iterable<? extends JsonNode> messages, MessageDefaults defaults) {
        List<PendingEvent> valid = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        int index = 0;
        for (JsonNode message : messages) {
            NormalizedMessage normalized = normalizer.normalize(message, null, defaults);
            if (normalized.accepted().isPresent()) {
                valid.add(normalized.accepted().get());
            } else {
                String prefix = "/batch/" + index;
                rejected.add(new Rejection(
                        index,
                        normalized.reason(),
                        normalized.errors().stream()
                                .map(error -> error.under(prefix))
                                .toList()));
                metrics.rejected(normalized.reason(), 1);
            }
            index++;
        }
        return new Validated(valid, rejected);
    }

    private BatchReceipt store(TenantId tenant, UUID sourceId, List<PendingEvent> events, List<Rejection> rejected) {
        List<StoredEvent> stored = append(tenant, sourceId, events);
        return new BatchReceipt(stored.size(), events.size() - stored.size(), rejected);
    }

    private List<StoredEvent> append(TenantId tenant, UUID sourceId, List<PendingEvent> events) {
        List<StoredEvent> stored = CallerRunsAfterTransaction.deferringRejected(() -> TenantContext.call(
                tenant,
                () -> transactions.execute(status -> {
                    List<StoredEvent> appended = log.append(tenant, sourceId, events);
                    if (!appended.isEmpty()) {
                        handover.keep(appended);
                        publisher.publishEvent(new EventsIngested(
                                tenant,
                                sourceId,
                                appended.stream()
                                        .map(event -> new EventRef(event.eventId(), event.timestamp()))
                                        .toList()));
                    }
                    return appended;
                })));
        metrics.accepted(stored);
        metrics.duplicates(events.size() - stored.size());
        return stored;
    }

    /** What became of imported orders: those stored, how many were known already, those rejected. */
    public record ImportedBatch(List<StoredEvent> stored, int duplicates, List<Rejection> rejected) {
        public ImportedBatch {
            stored = List.copyOf(stored);
            rejected = List.copyOf(rejected);
        }
    }

    private record Validated(List<PendingEvent> valid, List<Rejection> rejected) {}

    /** Lets the single calls still waiting for a shared commit have it before the database goes away. */
    @Override
    public void destroy() {
        if (groupCommit != null) {
            groupCommit.close();
        }
    }

    /** PostgreSQL keeps microseconds: times are cut there so that what is stored is what is announced. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String describe(List<FieldError> errors) {
        FieldError first = errors.get(0);
        String where = first.pointer().isEmpty() ? "The event" : first.pointer();
        String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "";
        return where + " " + first.detail() + more;
    }
}
