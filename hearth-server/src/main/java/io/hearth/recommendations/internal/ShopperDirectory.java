package io.hearth.recommendations.internal;

import io.hearth.privacy.Channel;
import io.hearth.privacy.CustomerConsents;
import io.hearth.privacy.PrivacyManagement;
import io.hearth.privacy.Purpose;
import io.hearth.profiles.CustomerProfile;
import io.hearth.profiles.Identifier;
import io.hearth.profiles.IdentifierKind;
import io.hearth.profiles.ProfileManagement;
import io.hearth.recommendations.RecommendationsProblem;
import io.hearth.shared.CustomerId;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Who a customer is (their canonical id and their user and anonymous ids) and what they allow, kept
 * in memory so that a returning customer's slate reads neither profiles nor consents. The owning
 * modules' events evict an entry the moment it changes on this node ({@link ShopperDirectoryListener}).
 * A change made on another node is seen through the owners' change feeds: every {@code
 * refresh-interval} this node asks profiles and privacy which customers changed since one interval
 * before its previous question, and forgets those, so nothing stays unseen longer than about twice the
 * interval however many customers are remembered, and a remembered customer is never read again on a
 * request only because time passed. An unknown customer is never remembered, so a profile created
 * later is found.
 */
@Component
class ShopperDirectory {

    private static final Logger log = LoggerFactory.getLogger(ShopperDirectory.class);

    private static final int PRELOAD_PAGE = 500;

    /** The id a request named → the customer it resolves to (differs after a merge). */
    private final BoundedCache<Key, CustomerId> aliases;

    private final BoundedCache<Key, List<String>> identities;
    private final BoundedCache<Key, CustomerConsents> consents;
    private final BoundedCache<Key, Entry<Optional<CustomerId>>> owners;

    /** Tenants with remembered customers → from when their next change-feed question looks. */
    private final Map<TenantId, Instant> watched = new ConcurrentHashMap<>();

    private final ProfileManagement profiles;
    private final PrivacyManagement privacy;
    private final FatigueStore fatigue;
    private final RecommendationsSettings settings;
    private final Clock clock;

    /**
     * Counts consent evictions: a read that began before one may hold the answer the eviction was for,
     * so it is not remembered (the next request reads again).
     */
    private final AtomicLong consentEvictions = new AtomicLong();

    ShopperDirectory(
            ProfileManagement profiles,
            PrivacyManagement privacy,
            FatigueStore fatigue,
            RecommendationsSettings settings,
            Clock clock) {
        this.profiles = profiles;
        this.privacy = privacy;
        this.fatigue = fatigue;
        this.settings = settings;
        this.clock = clock;
        int capacity = settings.rememberedShoppers();
        this.aliases = new BoundedCache<>(capacity);
        this.identities = new BoundedCache<>(capacity);
        this.consents = new BoundedCache<>(capacity);
        this.owners = new BoundedCache<>(capacity);
    }

    /** The customer the id resolves to, or the problem {@code UNKNOWN_CUSTOMER}. */
    CustomerId resolve(TenantId tenant, CustomerId asked) {
        Key key = new Key(tenant, asked.value());
        CustomerId known = aliases.get(key);
        if (known != null) {
            return known;
        }
        watch(tenant);
        CustomerProfile profile = profiles.profile(tenant, asked)
                .orElseThrow(
                        () -> new HearthProblem(RecommendationsProblem.UNKNOWN_CUSTOMER, "No customer has this id"));
        identities.put(new Key(tenant, profile.customerId().value()), keys(profile));
        aliases.put(key, profile.customerId());
        return profile.customerId();
    }

    /**
     * The customer an anonymous id belongs to, if any. Remembered both ways for {@code
     * refresh-interval}: a visitor who identifies meanwhile is seen by then.
     */
    @Nullable
    CustomerId ownerOf(TenantId tenant, String anonymousId) {
        Key key = new Key(tenant, "a:" + anonymousId);
        Entry<Optional<CustomerId>> known = owners.get(key);
        if (known != null && !known.at.plus(settings.refreshInterval()).isBefore(clock.instant())) {
            return known.value.orElse(null);
        }
        Optional<CustomerId> owner = profiles.lookup(tenant, IdentifierKind.ANONYMOUS_ID, anonymousId)
                .map(CustomerProfile::customerId);
        owners.put(key, new Entry<>(owner, clock.instant()));
        return owner.orElse(null);
    }

    /** {@code u:<userId>} and {@code a:<anonymousId>} of a resolved customer. */
    List<String> identities(TenantId tenant, CustomerId customer) {
        Key key = new Key(tenant, customer.value());
        List<String> known = identities.get(key);
        if (known != null) {
            return known;
        }
        watch(tenant);
        List<String> read =
                profiles.profile(tenant, customer).map(ShopperDirectory::keys).orElse(List.of());
        identities.put(key, read);
        return read;
    }

    boolean mayPersonalize(TenantId tenant, CustomerId customer, Channel channel) {
        Key key = new Key(tenant, customer.value());
        CustomerConsents known = consents.get(key);
        if (known == null) {
            watch(tenant);
            long evictions = consentEvictions.get();
            known = privacy.currentConsents(tenant, customer);
            if (consentEvictions.get() == evictions) {
                consents.put(key, known);
            }
        }
        return known.mayUse(Purpose.PERSONALIZATION, channel);
    }

    /** Whether the id's customer, their identities and their consents are all in memory, so reading them costs no query. */
    boolean remembers(TenantId tenant, CustomerId asked) {
        CustomerId resolved = aliases.get(new Key(tenant, asked.value()));
        if (resolved == null) {
            return false;
        }
        Key key = new Key(tenant, resolved.value());
        return identities.get(key) != null && consents.get(key) != null;
    }

    /** Customers whose identities and consents are in memory. */
    int remembered() {
        return aliases.size();
    }

    /** Forgets everything about the customer: the next request reads them afresh. */
    void evict(TenantId tenant, CustomerId customer) {
        Key key = new Key(tenant, customer.value());
        aliases.remove(key);
        identities.remove(key);
        consents.remove(key);
    }

    void evictConsents(TenantId tenant, CustomerId customer) {
        consentEvictions.incrementAndGet();
        consents.remove(new Key(tenant, customer.value()));
    }

    /**
     * Reads up to {@code limit} of the tenant's customers ahead, a page of 500 in three queries
     * (profiles, consents, showing counts), so that their first slate reads nothing. Customers already
     * remembered are left as they are; stops at the directory's capacity.
     */
    void preload(TenantId tenant, int limit) {
        watch(tenant);
        CustomerId after = null;
        int read = 0;
        while (read < limit && aliases.size() < settings.rememberedShoppers()) {
            List<CustomerId> page = profiles.customerIds(tenant, Math.min(PRELOAD_PAGE, limit - read), after);
            if (page.isEmpty()) {
                return;
            }
            List<CustomerId> unknown = page.stream()
                    .filter(customer -> aliases.get(new Key(tenant, customer.value())) == null)
                    .toList();
            if (!unknown.isEmpty()) {
                remember(tenant, unknown);
            }
            read += page.size();
            after = page.getLast();
        }
    }

    private void remember(TenantId tenant, List<CustomerId> customers) {
        long evictions = consentEvictions.get();
        Map<CustomerId, CustomerConsents> allowed = privacy.currentConsents(tenant, customers);
        List<CustomerProfile> read = profiles.profiles(tenant, customers);
        boolean consentsCurrent = consentEvictions.get() == evictions;
        for (CustomerProfile profile : read) {
            Key key = new Key(tenant, profile.customerId().value());
            CustomerConsents consent = allowed.get(profile.customerId());
            if (consent != null && consentsCurrent) {
                consents.putIfAbsent(key, consent);
            }
            identities.putIfAbsent(key, keys(profile));
            aliases.putIfAbsent(key, profile.customerId());
        }
        fatigue.preload(tenant, customers);
    }

    /**
     * Asks each watched tenant's change feeds what changed since one interval before the previous
     * question (the overlap covers changes whose transactions committed late or on a node whose clock
     * is behind) and forgets those customers. A tenant whose question fails is forgotten entirely:
     * what it remembers can no longer be vouched for.
     */
    @Scheduled(
            fixedDelayString = "${hearth.recommendations.refresh-interval:PT30S}",
            initialDelayString = "${hearth.recommendations.refresh-interval:PT30S}")
    void followChanges() {
        for (Map.Entry<TenantId, Instant> tenant : watched.entrySet()) {
            Instant asked = clock.instant();
            Instant since = tenant.getValue().minus(settings.refreshInterval());
            try {
                Set<CustomerId> moved = profiles.identityChangesSince(tenant.getKey(), since);
                Set<CustomerId> answered = privacy.consentChangesSince(tenant.getKey(), since);
                moved.forEach(customer -> evict(tenant.getKey(), customer));
                answered.forEach(customer -> evictConsents(tenant.getKey(), customer));
                watched.put(tenant.getKey(), asked);
            } catch (RuntimeException e) {
                log.warn("could not ask what changed for tenant {}; forgetting what is remembered", tenant.getKey(), e);
                forgetAll();
            }
        }
    }

    private void forgetAll() {
        aliases.clear();
        identities.clear();
        consents.clear();
    }

    private void watch(TenantId tenant) {
        watched.putIfAbsent(tenant, clock.instant());
    }

    private static List<String> keys(CustomerProfile profile) {
        List<String> keys = new ArrayList<>();
        for (Identifier identifier : profile.identifiers()) {
            if (identifier.kind() == IdentifierKind.USER_ID) {
                keys.add("u:" + identifier.value());
            } else if (identifier.kind() == IdentifierKind.ANONYMOUS_ID) {
                keys.add("a:" + identifier.value());
            }
        }
        return List.copyOf(keys);
    }

    private record Key(TenantId tenant, String customer) {}

    private record Entry<T>(T value, Instant at) {}
}
