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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Who a customer is (their canonical id and their user and anonymous ids) and what they allow, kept
 * in memory so that a returning customer's slate reads neither profiles nor consents. The owning
 * modules' events evict an entry the moment it changes on this node ({@link ShopperDirectoryListener}).
 * A change made on another node is seen by re-reading: an entry older than {@code refresh-interval}
 * is still served while one background thread reads it again, and one older than twice that is read
 * on the request, so a returning customer's slate does not wait for the database and nothing stays
 * unseen longer than twice the interval. An unknown customer is never remembered, so a profile created
 * later is found.
 */
@Component
class ShopperDirectory implements DisposableBean {

    private static final int CAPACITY = 200_000;
    private static final int REFRESH_BACKLOG = 10_000;
    private static final int REFRESH_BATCH = 500;

    /** The id a request named → the customer it resolves to (differs after a merge). */
    private final BoundedCache<Key, Entry<CustomerId>> aliases = new BoundedCache<>(CAPACITY);

    private final BoundedCache<Key, Entry<List<String>>> identities = new BoundedCache<>(CAPACITY);
    private final BoundedCache<Key, Entry<CustomerConsents>> consents = new BoundedCache<>(CAPACITY);
    private final BoundedCache<Key, Entry<Optional<CustomerId>>> owners = new BoundedCache<>(CAPACITY);
    private final ProfileManagement profiles;
    private final PrivacyManagement privacy;
    private final RecommendationsSettings settings;
    private final Clock clock;
    private final BatchRefresher<Refresh> refresher;

    ShopperDirectory(
            ProfileManagement profiles, PrivacyManagement privacy, RecommendationsSettings settings, Clock clock) {
        this.profiles = profiles;
        this.privacy = privacy;
        this.settings = settings;
        this.clock = clock;
        this.refresher =
                new BatchRefresher<>("recommendations-shopper-refresh", REFRESH_BACKLOG, REFRESH_BATCH, this::refresh);
    }

    /** The customer the id resolves to, or the problem {@code UNKNOWN_CUSTOMER}. */
    CustomerId resolve(TenantId tenant, CustomerId asked) {
        Key key = new Key(tenant, asked.value());
        CustomerId known = usable(aliases.get(key), new Refresh(Kind.ALIAS, key));
        if (known != null) {
            return known;
        }
        return remember(
                key,
                profiles.profile(tenant, asked)
                        .orElseThrow(() ->
                                new HearthProblem(RecommendationsProblem.UNKNOWN_CUSTOMER, "No customer has this id")));
    }

    private CustomerId remember(Key asked, CustomerProfile profile) {
        Instant now = clock.instant();
        identities.put(new Key(asked.tenant(), profile.customerId().value()), new Entry<>(keys(profile), now));
        aliases.put(asked, new Entry<>(profile.customerId(), now));
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
        List<String> known = usable(identities.get(key), new Refresh(Kind.IDENTITIES, key));
        if (known != null) {
            return known;
        }
        List<String> read =
                profiles.profile(tenant, customer).map(ShopperDirectory::keys).orElse(List.of());
        identities.put(key, new Entry<>(read, clock.instant()));
        return read;
    }

    boolean mayPersonalize(TenantId tenant, CustomerId customer, Channel channel) {
        Key key = new Key(tenant, customer.value());
        CustomerConsents known = usable(consents.get(key), new Refresh(Kind.CONSENTS, key));
        if (known == null) {
            known = privacy.currentConsents(tenant, customer);
            consents.put(key, new Entry<>(known, clock.instant()));
        }
        return known.mayUse(Purpose.PERSONALIZATION, channel);
    }

    /**
     * Whether the id's customer, their identities and their consents are all in memory and young
     * enough to serve, so that reading them costs no query.
     */
    boolean remembers(TenantId tenant, CustomerId asked) {
        CustomerId resolved = servable(aliases.get(new Key(tenant, asked.value())));
        if (resolved == null) {
            return false;
        }
        Key key = new Key(tenant, resolved.value());
        return servable(identities.get(key)) != null && servable(consents.get(key)) != null;
    }

    /** Forgets everything about the customer: the next request reads them afresh. */
    void evict(TenantId tenant, CustomerId customer) {
        Key key = new Key(tenant, customer.value());
        aliases.remove(key);
        identities.remove(key);
        consents.remove(key);
    }

    void evictConsents(TenantId tenant, CustomerId customer) {
        consents.remove(new Key(tenant, customer.value()));
    }

    private <T> @Nullable T fresh(@Nullable Entry<T> entry) {
        if (entry == null || entry.at.plus(settings.refreshInterval()).isBefore(clock.instant())) {
            return null;
        }
        return entry.value;
    }

    /** The entry's value while it is younger than twice {@code refresh-interval}, else null. */
    private <T> @Nullable T servable(@Nullable Entry<T> entry) {
        if (entry == null
                || entry.at.plus(settings.refreshInterval().multipliedBy(2)).isBefore(clock.instant())) {
            return null;
        }
        return entry.value;
    }

    /** As {@link #servable}, and an entry past {@code refresh-interval} is queued to be read again. */
    private <T> @Nullable T usable(@Nullable Entry<T> entry, Refresh refresh) {
        T value = servable(entry);
        if (value != null && fresh(entry) == null) {
            refresher.request(refresh);
        }
        return value;
    }

    /**
     * Reads stale entries again, a tenant's profiles and consents in one query each, and replaces them
     * unless they were evicted or replaced meanwhile: an eviction says the customer just changed, and
     * the read may have started before that change.
     */
    private void refresh(List<Refresh> batch) {
        Map<TenantId, List<Refresh>> byTenant = new HashMap<>();
        batch.forEach(refresh -> byTenant.computeIfAbsent(refresh.key().tenant(), tenant -> new ArrayList<>())
                .add(refresh));
        byTenant.forEach(this::refresh);
    }

    private void refresh(TenantId tenant, List<Refresh> batch) {
        Set<CustomerId> profilesToRead = new HashSet<>();
        Set<CustomerId> consentsToRead = new HashSet<>();
        for (Refresh refresh : batch) {
            CustomerId customer = CustomerId.of(refresh.key().customer());
            (refresh.kind() == Kind.CONSENTS ? consentsToRead : profilesToRead).add(customer);
        }
        Map<CustomerId, CustomerProfile> live = new HashMap<>();
        if (!profilesToRead.isEmpty()) {
            profiles.profiles(tenant, profilesToRead).forEach(profile -> live.put(profile.customerId(), profile));
        }
        Map<CustomerId, CustomerConsents> allowed =
                consentsToRead.isEmpty() ? Map.of() : privacy.currentConsents(tenant, consentsToRead);
        for (Refresh refresh : batch) {
            CustomerId customer = CustomerId.of(refresh.key().customer());
            switch (refresh.kind()) {
                case ALIAS -> refreshAlias(refresh.key(), profileOf(tenant, customer, live));
                case IDENTITIES -> refreshIdentities(refresh.key(), profileOf(tenant, customer, live));
                case CONSENTS -> refreshConsents(refresh.key(), allowed.get(customer));
            }
        }
    }

    /** The bulk read leaves out ids merged away; those (rare) are read one by one, which follows the merge. */
    private Optional<CustomerProfile> profileOf(
            TenantId tenant, CustomerId customer, Map<CustomerId, CustomerProfile> live) {
        CustomerProfile profile = live.get(customer);
        return profile != null ? Optional.of(profile) : profiles.profile(tenant, customer);
    }

    private void refreshAlias(Key key, Optional<CustomerProfile> profile) {
        Entry<CustomerId> stale = aliases.get(key);
        if (stale == null || fresh(stale) != null) {
            return;
        }
        if (profile.isEmpty()) {
            aliases.remove(key, stale);
            return;
        }
        Instant now = clock.instant();
        aliases.replace(key, stale, new Entry<>(profile.get().customerId(), now));
        // the same read answers the resolved customer's identities: their own refresh then finds them fresh
        Key resolved = new Key(key.tenant(), profile.get().customerId().value());
        Entry<List<String>> staleIdentities = identities.get(resolved);
        if (staleIdentities != null && fresh(staleIdentities) == null) {
            identities.replace(resolved, staleIdentities, new Entry<>(keys(profile.get()), now));
        }
    }

    private void refreshIdentities(Key key, Optional<CustomerProfile> profile) {
        Entry<List<String>> stale = identities.get(key);
        if (stale != null && fresh(stale) == null) {
            identities.replace(
                    key, stale, new Entry<>(profile.map(ShopperDirectory::keys).orElse(List.of()), clock.instant()));
        }
    }

    private void refreshConsents(Key key, @Nullable CustomerConsents read) {
        Entry<CustomerConsents> stale = consents.get(key);
        if (read != null && stale != null && fresh(stale) == null) {
            consents.replace(key, stale, new Entry<>(read, clock.instant()));
        }
    }

    @Override
    public void destroy() {
        refresher.close();
    }

    private enum Kind {
        ALIAS,
        IDENTITIES,
        CONSENTS
    }

    private record Refresh(Kind kind, Key key) {}

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
