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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger(ShopperDirectory.class);
    private static final int CAPACITY = 200_000;
    private static final int REFRESH_BACKLOG = 10_000;

    /** The id a request named → the customer it resolves to (differs after a merge). */
    private final BoundedCache<Key, Entry<CustomerId>> aliases = new BoundedCache<>(CAPACITY);

    private final BoundedCache<Key, Entry<List<String>>> identities = new BoundedCache<>(CAPACITY);
    private final BoundedCache<Key, Entry<CustomerConsents>> consents = new BoundedCache<>(CAPACITY);
    private final BoundedCache<Key, Entry<Optional<CustomerId>>> owners = new BoundedCache<>(CAPACITY);
    private final ProfileManagement profiles;
    private final PrivacyManagement privacy;
    private final RecommendationsSettings settings;
    private final Clock clock;
    private final Set<Refresh> queued = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor refresher;

    ShopperDirectory(
            ProfileManagement profiles, PrivacyManagement privacy, RecommendationsSettings settings, Clock clock) {
        this.profiles = profiles;
        this.privacy = privacy;
        this.settings = settings;
        this.clock = clock;
        this.refresher = new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(REFRESH_BACKLOG),
                Thread.ofPlatform()
                        .daemon()
                        .name("recommendations-shopper-refresh")
                        .factory(),
                // a full backlog drops the refresh: the entry is refreshed on a later slate, or read on one
                (task, executor) -> ((RefreshTask) task).dropped());
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
        if (value != null && fresh(entry) == null && queued.add(refresh)) {
            refresher.execute(new RefreshTask(refresh));
        }
        return value;
    }

    /**
     * Reads a stale entry again and replaces it, unless it was evicted or replaced meanwhile: an
     * eviction says the customer just changed, and the read may have started before that change.
     */
    private void refresh(Refresh refresh) {
        Key key = refresh.key();
        CustomerId customer = CustomerId.of(key.customer());
        switch (refresh.kind()) {
            case ALIAS -> {
                Entry<CustomerId> stale = aliases.get(key);
                if (stale != null && fresh(stale) == null) {
                    profiles.profile(key.tenant(), customer)
                            .ifPresentOrElse(
                                    profile -> aliases.replace(
                                            key, stale, new Entry<>(profile.customerId(), clock.instant())),
                                    () -> aliases.remove(key, stale));
                }
            }
            case IDENTITIES -> {
                Entry<List<String>> stale = identities.get(key);
                if (stale != null && fresh(stale) == null) {
                    List<String> read = profiles.profile(key.tenant(), customer)
                            .map(ShopperDirectory::keys)
                            .orElse(List.of());
                    identities.replace(key, stale, new Entry<>(read, clock.instant()));
                }
            }
            case CONSENTS -> {
                Entry<CustomerConsents> stale = consents.get(key);
                if (stale != null && fresh(stale) == null) {
                    consents.replace(
                            key, stale, new Entry<>(privacy.currentConsents(key.tenant(), customer), clock.instant()));
                }
            }
        }
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
    }

    private enum Kind {
        ALIAS,
        IDENTITIES,
        CONSENTS
    }

    private record Refresh(Kind kind, Key key) {}

    private final class RefreshTask implements Runnable {

        private final Refresh refresh;

        RefreshTask(Refresh refresh) {
            this.refresh = refresh;
        }

        @Override
        public void run() {
            try {
                refresh(refresh);
            } catch (RuntimeException e) {
                // left stale: a later slate queues it again, or reads it itself once it is too old
                log.debug("re-reading {} failed", refresh, e);
            } finally {
                queued.remove(refresh);
            }
        }

        void dropped() {
            queued.remove(refresh);
        }
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
