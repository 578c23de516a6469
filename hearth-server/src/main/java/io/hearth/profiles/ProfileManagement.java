package io.hearth.profiles;

import io.hearth.ingestion.Delivery;
import io.hearth.ingestion.StoredEvent;
import io.hearth.profiles.MergeCandidate.Status;
import io.hearth.profiles.internal.MergeReview;
import io.hearth.profiles.internal.ProfileService;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The profiles facade. Reads answer the surviving profile: asking for a profile that was merged
 * answers the one it was merged into. Every method enters the given tenant itself.
 */
@Service
public class ProfileManagement {

    private final ProfileService service;
    private final MergeReview review;

    ProfileManagement(ProfileService service, MergeReview review) {
        this.service = service;
        this.review = review;
    }

    /** Resolves stored events to profiles; idempotent per event (redelivery changes nothing). */
    public void resolve(TenantId tenant, List<StoredEvent> events) {
        resolve(tenant, events, Delivery.AGAIN);
    }

    /**
     * As {@link #resolve(TenantId, List)}; a {@link Delivery#FIRST} skips looking up which events are
     * resolved already, and fails on one that is (its redelivery is then looked up).
     */
    public void resolve(TenantId tenant, List<StoredEvent> events, Delivery delivery) {
        service.resolve(tenant, events, delivery);
    }

    public Optional<CustomerProfile> profile(TenantId tenant, CustomerId customer) {
        return service.profile(tenant, customer);
    }

    /** The profile an identifier belongs to; the value is normalized as at ingestion (email case, phone). */
    public Optional<CustomerProfile> lookup(TenantId tenant, IdentifierKind kind, String value) {
        return service.lookup(tenant, kind, value);
    }

    /**
     * The live customer of each value of one identifier kind, normalized as {@link #lookup} does, in
     * two queries however many values; a value no profile has is absent.
     */
    public Map<String, CustomerId> customerIds(TenantId tenant, IdentifierKind kind, Collection<String> values) {
        return service.customerIds(tenant, kind, values);
    }

    /** Events of the customer newest first; {@code type} and {@code event} filter when not null. */
    public TimelinePage timeline(
            TenantId tenant,
            CustomerId customer,
            @Nullable String type,
            @Nullable String event,
            int limit,
            @Nullable String cursor) {
        return service.timeline(tenant, customer, type, event, limit, cursor);
    }

    /**
     * The events of one name (e.g. {@code Order Completed}) of several customers at once, newest first
     * per customer: for bulk work such as training, which would otherwise read one timeline per customer.
     * Customers without such events are absent from the map.
     */
    public Map<CustomerId, List<TimelineEntry>> eventsOf(
            TenantId tenant, Collection<CustomerId> customers, String event) {
        return service.eventsOf(tenant, customers, event);
    }

    /**
     * The newest {@code perCustomer} events of each of several customers, newest first per customer: one
     * query where reading each customer's timeline would be one per customer. Customers without events
     * are absent from the map.
     */
    public Map<CustomerId, List<TimelineEntry>> recentEventsOf(
            TenantId tenant, Collection<CustomerId> customers, int perCustomer) {
        return service.recentEventsOf(tenant, customers, perCustomer);
    }

    /** Merges the profile took part in, as survivor or as absorbed, oldest first. */
    public List<Merge> merges(TenantId tenant, CustomerId customer) {
        return service.merges(tenant, customer);
    }

    /**
     * Undoes the merge that absorbed this profile: its identifiers, events and traits come back and
     * both profiles' attributes are recomputed.
     *
     * @throws io.hearth.shared.HearthProblem {@link ProfilesProblem#NOT_MERGED} if it is not merged
     */
    public Merge unmerge(TenantId tenant, CustomerId absorbed, String actor) {
        return service.unmerge(tenant, absorbed, actor);
    }

    /** The customer's orders, newest first, with the time of each lifecycle step reached. */
    public List<CustomerOrder> orders(TenantId tenant, CustomerId customer) {
        return service.orders(tenant, customer);
    }

    /**
     * The orders of these customers, read in one query: for bulk work such as training predictions.
     * Customers without orders (or unknown ids) are absent from the map; ids are not followed to their
     * survivor, so pass live ids (see {@link #customerIds}).
     */
    public Map<CustomerId, List<CustomerOrder>> ordersOf(TenantId tenant, Collection<CustomerId> customers) {
        return service.ordersOf(tenant, customers);
    }

    /**
     * The live profiles among these ids, read in one transaction: for bulk work. Unlike {@link #profile},
     * an id that was merged away is left out rather than answered with its survivor.
     */
    public List<CustomerProfile> profiles(TenantId tenant, Collection<CustomerId> customers) {
        return service.profiles(tenant, customers);
    }

    /** Profiles whose trait has this value (text comparison), at most {@code limit}. */
    public List<CustomerProfile> withTrait(TenantId tenant, String trait, String value, int limit) {
        return service.withTrait(tenant, trait, value, limit);
    }

    /** Ids of live (not merged) profiles, in id order, after the given one: for bulk work. */
    /**
     * Customers that were given an identifier, or took part in a merge made or undone, at or after
     * {@code since}: what a node that keeps identities in memory reads again to see changes made on
     * other nodes.
     */
    public Set<CustomerId> identityChangesSince(TenantId tenant, Instant since) {
        return service.identityChangesSince(tenant, since);
    }

    public List<CustomerId> customerIds(TenantId tenant, int limit, @Nullable CustomerId after) {
        return service.customerIds(tenant, limit, after);
    }

    /** Probabilistic merge candidates in this status, highest score first, at most {@code limit}. */
    public List<MergeCandidate> mergeCandidates(TenantId tenant, Status status, int limit) {
        return review.candidates(tenant, status, limit);
    }

    /**
     * Merges the candidate pair the way a shared identifier would (the oldest profile survives, the
     * merge is retroactive and can be undone with {@link #unmerge}) and records the candidate as
     * accepted. Publishes {@link CustomersMerged} and {@link CustomerUpdated} after commit.
     *
     * @throws io.hearth.shared.HearthProblem {@link ProfilesProblem#UNKNOWN_MERGE_CANDIDATE} or {@link
     *     ProfilesProblem#MERGE_CANDIDATE_DECIDED}
     */
    public MergeCandidate acceptMergeCandidate(TenantId tenant, UUID candidateId, String actor) {
        return review.accept(tenant, candidateId, actor);
    }

    /**
     * Records that the pair is two customers; it is never proposed again.
     *
     * @throws io.hearth.shared.HearthProblem {@link ProfilesProblem#UNKNOWN_MERGE_CANDIDATE} or {@link
     *     ProfilesProblem#MERGE_CANDIDATE_DECIDED}
     */
    public MergeCandidate rejectMergeCandidate(TenantId tenant, UUID candidateId, String actor) {
        return review.reject(tenant, candidateId, actor);
    }
}
