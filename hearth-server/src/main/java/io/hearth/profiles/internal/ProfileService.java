package io.hearth.profiles.internal;

import io.hearth.ingestion.Delivery;
import io.hearth.ingestion.IngestionManagement;
import io.hearth.ingestion.StoredEvent;
import io.hearth.privacy.ConsentChange;
import io.hearth.privacy.PrivacyManagement;
import io.hearth.profiles.CustomerOrder;
import io.hearth.profiles.CustomerProfile;
import io.hearth.profiles.CustomersUnmerged;
import io.hearth.profiles.Identifier;
import io.hearth.profiles.IdentifierKind;
import io.hearth.profiles.Merge;
import io.hearth.profiles.ProfilesProblem;
import io.hearth.profiles.TimelineEntry;
import io.hearth.profiles.TimelinePage;
import io.hearth.shared.CustomerId;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Enters the tenant, then the transaction, then does the work: the order RLS needs. */
@Service
public class ProfileService {

    private final IdentityResolver resolver;
    private final ProfileQueries queries;
    private final Merger merger;
    private final MergeLog mergeLog;
    private final TransactionTemplate transactions;
    private final Collaborators collaborators;
    private final ResolutionQueue queue;

    ProfileService(
            IdentityResolver resolver,
            ProfileQueries queries,
            Merger merger,
            MergeLog mergeLog,
            TransactionTemplate transactions,
            Collaborators collaborators) {
        this.resolver = resolver;
        this.queries = queries;
        this.merger = merger;
        this.mergeLog = mergeLog;
        this.transactions = transactions;
        this.collaborators = collaborators;
        this.queue = new ResolutionQueue(
                (tenant, facts, mayRepeat) -> inTenant(tenant, () -> resolver.resolve(tenant, facts, mayRepeat)));
    }

    public void resolve(TenantId tenant, List<StoredEvent> events, Delivery delivery) {
        IdentityExtractor extractor = new IdentityExtractor(collaborators.defaultPhoneRegion());
        BiPredicate<String, JsonNode> fits =
                (name, value) -> collaborators.ingestion().traitFits(tenant, name, value);
        List<EventFacts> facts = events.stream()
                .map(event -> EventFacts.of(event.eventId(), event.timestamp(), event.payloadTree(), extractor, fits))
                .toList();
        Map<UUID, CustomerId> placed = queue.resolve(tenant, facts, delivery == Delivery.AGAIN);
        recordConsents(tenant, events, placed);
    }

    /** Consent given in identify traits or Segment's context.consent goes to the privacy module. */
    private void recordConsents(TenantId tenant, List<StoredEvent> events, Map<UUID, CustomerId> placed) {
        List<ConsentChange> changes = new ArrayList<>();
        for (StoredEvent event : events) {
            CustomerId customer = placed.get(event.eventId());
            if (customer != null && mayCarryConsent(event.payload())) {
                changes.addAll(PrivacyManagement.consentsFromSegment(customer, event.payloadTree()));
            }
        }
        if (!changes.isEmpty()) {
            collaborators.privacy().recordConsents(tenant, changes);
        }
    }

    private static boolean mayCarryConsent(String payload) {
        return payload.contains("consent") || payload.contains("_opt_in");
    }

    public Optional<CustomerProfile> profile(TenantId tenant, CustomerId customer) {
        return inTenant(tenant, () -> queries.profile(customer));
    }

    public List<CustomerProfile> profiles(TenantId tenant, Collection<CustomerId> customers) {
        return inTenant(tenant, () -> queries.profiles(customers));
    }

    public Optional<CustomerProfile> lookup(TenantId tenant, IdentifierKind kind, String value) {
        Optional<Identifier> identifier = normalize(kind, value);
        return identifier.flatMap(id -> inTenant(tenant, () -> queries.lookup(id)));
    }

    public Map<String, CustomerId> customerIds(TenantId tenant, IdentifierKind kind, Collection<String> values) {
        Map<Identifier, String> asked = new HashMap<>();
        for (String value : values) {
            normalize(kind, value).ifPresent(identifier -> asked.putIfAbsent(identifier, value));
        }
        if (asked.isEmpty()) {
            return Map.of();
        }
        Map<Identifier, CustomerId> found = inTenant(tenant, () -> queries.customerIds(asked.keySet()));
        Map<String, CustomerId> byValue = new HashMap<>();
        found.forEach((identifier, customer) -> byValue.put(asked.get(identifier), customer));
        return byValue;
    }

    public TimelinePage timeline(
            TenantId tenant,
            CustomerId customer,
            @Nullable String type,
            @Nullable String event,
            int limit,
            @Nullable String cursor) {
        return inTenant(tenant, () -> queries.timeline(customer, type, event, limit, cursor));
    }

    public List<Merge> merges(TenantId tenant, CustomerId customer) {
        return inTenant(tenant, () -> {
            queries.requireKnown(customer);
            return mergeLog.involving(customer);
        });
    }

    public Merge unmerge(TenantId tenant, CustomerId absorbed, String actor) {
        Merge merge = inTenant(tenant, () -> {
            queries.requireKnown(absorbed);
            Merge active = mergeLog.activeMergeOf(absorbed)
                    .orElseThrow(() ->
                            new HearthProblem(ProfilesProblem.NOT_MERGED, "This profile is not merged into another"));
            merger.unmerge(active, actor, collaborators.clock().instant());
            return active;
        });
        collaborators
                .publisher()
                .publishEvent(new CustomersUnmerged(tenant, merge.mergeId(), merge.survivor(), merge.absorbed()));
        return merge;
    }

    public List<CustomerOrder> orders(TenantId tenant, CustomerId customer) {
        return inTenant(tenant, () -> queries.orders(customer));
    }

    public Map<CustomerId, List<CustomerOrder>> ordersOf(TenantId tenant, Collection<CustomerId> customers) {
        return inTenant(tenant, () -> queries.ordersOf(customers));
    }

    public Map<CustomerId, List<TimelineEntry>> eventsOf(
            TenantId tenant, Collection<CustomerId> customers, String event) {
        return inTenant(tenant, () -> queries.eventsOf(customers, event));
    }

    public Map<CustomerId, List<TimelineEntry>> recentEventsOf(
            TenantId tenant, Collection<CustomerId> customers, int perCustomer) {
        return inTenant(tenant, () -> queries.recentEventsOf(customers, perCustomer));
    }

    public List<CustomerProfile> withTrait(TenantId tenant, String trait, String value, int limit) {
        return inTenant(tenant, () -> queries.withTrait(trait, value, limit));
    }

    public Set<CustomerId> identityChangesSince(TenantId tenant, Instant since) {
        return inTenant(tenant, () -> queries.identityChangesSince(tenant, since));
    }

    public List<CustomerId> customerIds(TenantId tenant, int limit, @Nullable CustomerId after) {
        return inTenant(tenant, () -> queries.customerIds(limit, after));
    }

    private Optional<Identifier> normalize(IdentifierKind kind, String value) {
        return switch (kind) {
            case EMAIL -> IdentityExtractor.email(value);
            case PHONE -> new IdentityExtractor(collaborators.defaultPhoneRegion()).phone(value);
            case USER_ID, ANONYMOUS_ID, LOYALTY_NUMBER, DEVICE_ID, EXTERNAL_ID ->
                value.isBlank() ? Optional.empty() : Optional.of(new Identifier(kind, value));
        };
    }

    private <T> T inTenant(TenantId tenant, java.util.function.Supplier<T> work) {
        return TenantContext.call(tenant, () -> transactions.execute(status -> work.get()));
    }

    /** The shared infrastructure the service needs, kept together to keep constructors short. */
    @org.springframework.stereotype.Component
    record Collaborators(
            JsonMapper json,
            Clock clock,
            ApplicationEventPublisher publisher,
            ProfileSettings settings,
            PrivacyManagement privacy,
            IngestionManagement ingestion) {
        String defaultPhoneRegion() {
            return settings.defaultPhoneRegion();
        }
    }
}
