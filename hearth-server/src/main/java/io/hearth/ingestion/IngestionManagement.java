package io.hearth.ingestion;

import io.hearth.ingestion.internal.AttributeRegistry;
import io.hearth.ingestion.internal.EventRate;
import io.hearth.ingestion.internal.EventReader;
import io.hearth.ingestion.internal.EventWriter;
import io.hearth.ingestion.internal.imports.OrderImporter;
import io.hearth.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * The ingestion facade. Every write validates each message, drops those whose message id the source
 * already sent, and appends the rest to the event log in one transaction with the
 * {@link EventsIngested} event. Idempotent per (source, messageId).
 */
@Service
public class IngestionManagement {

    private final EventWriter writer;
    private final EventReader reader;
    private final EventRate rate;
    private final OrderImporter importer;
    private final AttributeRegistry attributes;

    IngestionManagement(
            EventWriter writer,
            EventReader reader,
            EventRate rate,
            OrderImporter importer,
            AttributeRegistry attributes) {
        this.writer = writer;
        this.reader = reader;
        this.rate = rate;
        this.importer = importer;
        this.attributes = attributes;
    }

    /**
     * Stores one message of the given Segment type.
     *
     * @throws io.hearth.shared.HearthProblem {@link IngestionProblem#INVALID_EVENT} naming each field at
     *     fault; nothing is stored then
     */
    public BatchReceipt ingestOne(TenantId tenant, UUID sourceId, String type, JsonNode message) {
        return writer.writeOne(tenant, sourceId, type, message);
    }

    /**
     * Stores a Segment batch body ({@code {"batch": [...], "context": ..., "sentAt": ...}}): valid
     * events are kept, invalid ones reported by index.
     *
     * @throws io.hearth.shared.HearthProblem {@link IngestionProblem#INVALID_BATCH} when the body is not
     *     a batch or no event in it is valid
     */
    public BatchReceipt ingestBatch(TenantId tenant, UUID sourceId, JsonNode body) {
        return writer.writeBatch(tenant, sourceId, body);
    }

    /** Stores messages built by an adapter (webhooks, imports); invalid ones are reported by index. */
    public BatchReceipt ingestMessages(TenantId tenant, UUID sourceId, List<? extends JsonNode> messages) {
        return writer.writeMessages(tenant, sourceId, messages, null);
    }

    /**
     * Imports a file of historical orders into the request's source, streaming it in batches of
     * {@link ImportRequest#batchSize()} orders, each stored in its own transaction (publishing
     * {@link EventsIngested}) and followed by a checkpoint: a second run of the same file resumes after
     * the last stored order, unless {@link ImportRequest#restart()}. Idempotent: message ids derive
     * from the order ids, so orders already stored count as duplicates. Rows that cannot be read are
     * left out of their orders and reported by line in the {@link ImportReport}.
     *
     * @throws io.hearth.shared.HearthProblem {@link IngestionProblem#INVALID_IMPORT} when the file is
     *     missing or lacks a required column
     * @throws java.io.UncheckedIOException when the file cannot be read
     */
    public ImportReport importOrders(TenantId tenant, ImportRequest request, ImportListener listener) {
        return importer.importOrders(tenant, request, listener);
    }

    /** The stored events these references point at, in no particular order. */
    public List<StoredEvent> events(TenantId tenant, List<EventRef> references) {
        return reader.byReference(tenant, references);
    }

    /** Events of the tenant, newest first. */
    public EventPage events(TenantId tenant, EventQuery query) {
        return reader.find(tenant, query);
    }

    /** How many events the tenant's log holds, optionally only those of one type. */
    public long countEvents(TenantId tenant, @Nullable String type) {
        return reader.count(tenant, type);
    }

    /**
     * The tenant's events per minute of the time they happened, one entry for every minute from
     * {@code from} (truncated to the minute) until {@code to}, oldest first; empty minutes count zero.
     *
     * @throws IllegalArgumentException when {@code to} is before {@code from} or the window is longer
     *     than a day
     */
    public List<MinuteCount> eventsPerMinute(TenantId tenant, Instant from, Instant to) {
        return rate.perMinute(tenant, from, to);
    }

    /**
     * Defines (or replaces) a trait of the shop's customers: from then on every {@code identify} call
     * is checked against it and one that breaks it is rejected with a problem naming
     * {@code /traits/<name>} (in a batch, only that event). Events stored before are not re-checked.
     * Takes effect on this node at once and on other nodes within a few seconds.
     *
     * @return whether the definition is new (false: it replaced one)
     */
    public boolean defineAttribute(TenantId tenant, AttributeDefinition definition) {
        return attributes.define(tenant, definition);
    }

    /** Removes a definition; the trait is accepted as it comes again. Answers whether there was one. */
    public boolean removeAttribute(TenantId tenant, String name) {
        return attributes.remove(tenant, name);
    }

    /** The shop's attribute definitions, by name. */
    public List<AttributeDefinition> attributeDefinitions(TenantId tenant) {
        return attributes.definitions(tenant);
    }

    /**
     * Whether a trait value sent outside {@code identify} (in an event's {@code context.traits}, which
     * ingestion stores as it comes) fits the shop's definition of that trait; undefined traits fit.
     * Cached per shop like the definitions, so it is cheap to ask per event.
     */
    public boolean traitFits(TenantId tenant, String name, JsonNode value) {
        return attributes.fits(tenant, name, value);
    }

    public Optional<AttributeDefinition> attributeDefinition(TenantId tenant, String name) {
        return attributes.definition(tenant, name);
    }
}
