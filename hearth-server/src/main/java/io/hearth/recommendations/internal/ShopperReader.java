package io.hearth.recommendations.internal;

import io.hearth.privacy.Channel;
import io.hearth.recommendations.RecommendationContext;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a customer for one request: their profile's identities (so a merged customer is one shopper),
 * consent, trained history, and this session's events, which is how slates react within a session
 * without retraining. A returning customer's request reads all of it from memory ({@link
 * ShopperDirectory}, {@link SessionMemory}, {@link FatigueStore}).
 */
@Component
class ShopperReader {

    private final ShopperDirectory directory;
    private final SessionMemory sessions;
    private final FatigueStore fatigue;
    private final RecommendationsSettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ShopperReader(
            ShopperDirectory directory,
            SessionMemory sessions,
            FatigueStore fatigue,
            RecommendationsSettings settings,
            TransactionTemplate transactions,
            Clock clock) {
        this.directory = directory;
        this.sessions = sessions;
        this.fatigue = fatigue;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * A customer nothing is remembered of (their first slate, or the first after twice {@code
     * refresh-interval}) is read in one transaction: the profile, consent and showing counts share a
     * connection and a commit instead of taking one each. A remembered one reads no database at all.
     */
    Shopper read(TenantId tenant, CustomerId id, RecommendationContext context, Channel channel, ServingModel model) {
        if (directory.remembers(tenant, id) && fatigue.remembers(tenant, id)) {
            return readRemembered(tenant, id, context, channel, model);
        }
        return TenantContext.call(
                tenant, () -> transactions.execute(status -> readRemembered(tenant, id, context, channel, model)));
    }

    private Shopper readRemembered(
            TenantId tenant, CustomerId id, RecommendationContext context, Channel channel, ServingModel model) {
        CustomerId resolved = directory.resolve(tenant, id);
        String customer = resolved.value();
        if (!directory.mayPersonalize(tenant, resolved, channel)) {
            return new Shopper(customer, false, new int[0], Set.of(), List.of(), Set.of());
        }
        List<String> identities = directory.identities(tenant, resolved);
        List<Integer> rows = new ArrayList<>();
        Set<String> owned = new HashSet<>();
        for (String identity : identities) {
            int row = model.user(identity);
            if (row >= 0) {
                rows.add(row);
                for (int item : model.owned()[row]) {
                    owned.add(model.items()[item]);
                }
            }
        }
        LinkedHashSet<String> session = new LinkedHashSet<>();
        readSession(tenant, sessionIdentities(identities, context), owned, session);
        return new Shopper(
                customer,
                true,
                rows.stream().mapToInt(Integer::intValue).toArray(),
                owned,
                List.copyOf(session),
                fatigue.fatigued(tenant, resolved, settings.fatigueLimit()));
    }

    /**
     * An anonymous visitor: their session's views and orders. When the anonymous id already belongs to
     * a customer, that customer's consent applies.
     */
    Shopper visitor(TenantId tenant, String anonymousId, RecommendationContext context, Channel channel) {
        CustomerId owner = directory.ownerOf(tenant, anonymousId);
        if (owner != null && !directory.mayPersonalize(tenant, owner, channel)) {
            return new Shopper(null, false, new int[0], Set.of(), List.of(), Set.of());
        }
        List<String> identities = new ArrayList<>(List.of("a:" + anonymousId));
        if (context.sessionId() != null && !context.sessionId().equals(anonymousId)) {
            identities.add("a:" + context.sessionId());
        }
        Set<String> owned = new HashSet<>();
        LinkedHashSet<String> session = new LinkedHashSet<>();
        readSession(tenant, identities, owned, session);
        return new Shopper(null, true, new int[0], owned, List.copyOf(session), Set.of());
    }

    private void readSession(TenantId tenant, List<String> identities, Set<String> owned, Set<String> session) {
        Instant from = clock.instant().minus(settings.sessionWindow());
        for (String identity : identities) {
            for (Signal signal : sessions.recent(tenant, identity, from)) {
                if (signal.purchase()) {
                    owned.add(signal.productId());
                } else {
                    session.add(signal.productId());
                }
            }
        }
    }

    /** The customer's first user id (else anonymous id) and the request's session, if any. */
    private static List<String> sessionIdentities(List<String> identities, RecommendationContext context) {
        List<String> chosen = new ArrayList<>();
        identities.stream()
                .filter(identity -> identity.startsWith("u:"))
                .findFirst()
                .or(() -> identities.stream().findFirst())
                .ifPresent(chosen::add);
        if (context.sessionId() != null && !chosen.contains("a:" + context.sessionId())) {
            chosen.add("a:" + context.sessionId());
        }
        return chosen;
    }
}
