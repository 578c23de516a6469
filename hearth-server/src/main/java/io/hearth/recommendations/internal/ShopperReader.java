package io.hearth.recommendations.internal;

import io.hearth.ingestion.StoredEvent;
import io.hearth.privacy.Channel;
import io.hearth.privacy.PrivacyManagement;
import io.hearth.privacy.Purpose;
import io.hearth.profiles.CustomerProfile;
import io.hearth.profiles.Identifier;
import io.hearth.profiles.IdentifierKind;
import io.hearth.profiles.ProfileManagement;
import io.hearth.recommendations.RecommendationContext;
import io.hearth.recommendations.RecommendationsProblem;
import io.hearth.shared.CustomerId;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Reads a customer for one request: their profile's identities (so a merged customer is one shopper),
 * consent, trained history, and this session's events, which is how slates react within a session
 * without retraining.
 */
@Component
class ShopperReader {

    private final ProfileManagement profiles;
    private final PrivacyManagement privacy;
    private final SignalReader signals;
    private final FatigueStore fatigue;
    private final RecommendationsSettings settings;
    private final Clock clock;

    ShopperReader(
            ProfileManagement profiles,
            PrivacyManagement privacy,
            SignalReader signals,
            FatigueStore fatigue,
            RecommendationsSettings settings,
            Clock clock) {
        this.profiles = profiles;
        this.privacy = privacy;
        this.signals = signals;
        this.fatigue = fatigue;
        this.settings = settings;
        this.clock = clock;
    }

    Shopper read(TenantId tenant, CustomerId id, RecommendationContext context, Channel channel, ServingModel model) {
        CustomerProfile profile = profiles.profile(tenant, id)
                .orElseThrow(
                        () -> new HearthProblem(RecommendationsProblem.UNKNOWN_CUSTOMER, "No customer has this id"));
        String customer = profile.customerId().value();
        if (!privacy.mayUse(tenant, profile.customerId(), Purpose.PERSONALIZATION, channel)) {
            return new Shopper(customer, false, new int[0], Set.of(), List.of(), Set.of());
        }
        List<String> identities = identities(profile);
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
                fatigue.fatigued(tenant, profile.customerId(), settings.fatigueLimit()));
    }

    private void readSession(TenantId tenant, List<String> identities, Set<String> owned, Set<String> session) {
        Instant from = clock.instant().minus(settings.sessionWindow());
        for (String identity : identities) {
            for (StoredEvent event : signals.recent(tenant, identity, from)) {
                for (Signal signal : EventSignals.of(event)) {
                    if (signal.purchase()) {
                        owned.add(signal.productId());
                    } else {
                        session.add(signal.productId());
                    }
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

    private static List<String> identities(CustomerProfile profile) {
        List<String> keys = new ArrayList<>();
        for (Identifier identifier : profile.identifiers()) {
            if (identifier.kind() == IdentifierKind.USER_ID) {
                keys.add("u:" + identifier.value());
            } else if (identifier.kind() == IdentifierKind.ANONYMOUS_ID) {
                keys.add("a:" + identifier.value());
            }
        }
        return keys;
    }
}
