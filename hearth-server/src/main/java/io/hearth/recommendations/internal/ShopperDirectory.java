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
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Who a customer is (their canonical id and their user and anonymous ids) and what they allow, kept
 * in memory so that a returning customer's slate reads neither profiles nor consents. The owning
 * modules' events evict an entry the moment it changes on this node ({@link ShopperDirectoryListener});
 * an entry also expires after {@code refresh-interval}, which bounds how long a change made on another
 * node can go unseen. An unknown customer is never remembered, so a profile created later is found.
 */
@Component
class ShopperDirectory {

    private static final int CAPACITY = 200_000;

    /** The id a request named → the customer it resolves to (differs after a merge). */
    private final BoundedCache<Key, Entry<CustomerId>> aliases = new BoundedCache<>(CAPACITY);

    private final BoundedCache<Key, Entry<List<String>>> identities = new BoundedCache<>(CAPACITY);
    private final BoundedCache<Key, Entry<CustomerConsents>> consents = new BoundedCache<>(CAPACITY);
    private final BoundedCache<Key, Entry<Optional<CustomerId>>> owners = new BoundedCache<>(CAPACITY);
    private final ProfileManagement profiles;
    private final PrivacyManagement privacy;
    private final RecommendationsSettings settings;
    private final Clock clock;

    ShopperDirectory(
            ProfileManagement profiles, PrivacyManagement privacy, RecommendationsSettings settings, Clock clock) {
        this.profiles = profiles;
        this.privacy = privacy;
        this.settings = settings;
        this.clock = clock;
    }

    /** The customer the id resolves to, or the problem {@code UNKNOWN_CUSTOMER}. */
    CustomerId resolve(TenantId tenant, CustomerId asked) {
        Key key = new Key(tenant, asked.value());
        CustomerId known = fresh(aliases.get(key));
        if (known != null) {
            return known;
        }
        CustomerProfile profile = profiles.profile(tenant, asked)
                .orElseThrow(
                        () -> new HearthProblem(RecommendationsProblem.UNKNOWN_CUSTOMER, "No customer has this id"));
        Instant now = clock.instant();
        identities.put(new Key(tenant, profile.customerId().value()), new Entry<>(keys(profile), now));
        aliases.put(key, new Entry<>(profile.customerId(), now));
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
        List<String> known = fresh(identities.get(key));
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
        CustomerConsents known = fresh(consents.get(key));
        if (known == null) {
            known = privacy.currentConsents(tenant, customer);
            consents.put(key, new Entry<>(known, clock.instant()));
        }
        return known.mayUse(Purpose.PERSONALIZATION, channel);
    }

    /**
     * Whether the id's customer, their identities and their consents are all in memory, so that
     * reading them costs no query.
     */
    boolean remembers(TenantId tenant, CustomerId asked) {
        CustomerId resolved = fresh(aliases.get(new Key(tenant, asked.value())));
        if (resolved == null) {
            return false;
        }
        Key key = new Key(tenant, resolved.value());
        return fresh(identities.get(key)) != null && fresh(consents.get(key)) != null;
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
