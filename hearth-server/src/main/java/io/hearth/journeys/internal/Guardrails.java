package io.hearth.journeys.internal;

import io.hearth.journeys.JourneyDefinition;
import io.hearth.journeys.Step;
import io.hearth.messaging.MessagingManagement;
import io.hearth.privacy.PrivacyManagement;
import io.hearth.profiles.CustomerProfile;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Gathers the facts of one send (consent, what the customer already got, local time) and applies the policy. */
@Component
class Guardrails {

    private final PrivacyManagement privacy;
    private final MessagingManagement messaging;
    private final JourneySettings settings;
    private final SendPolicy policy;
    private final Clock clock;

    Guardrails(PrivacyManagement privacy, MessagingManagement messaging, JourneySettings settings, Clock clock) {
        this.privacy = privacy;
        this.messaging = messaging;
        this.settings = settings;
        this.policy = new SendPolicy(settings);
        this.clock = clock;
    }

    SendPolicy.Verdict check(TenantId tenant, JourneyDefinition journey, Step.Send send, CustomerProfile profile) {
        return policy.decide(facts(tenant, journey, send, profile));
    }

    SendPolicy.Facts facts(TenantId tenant, JourneyDefinition journey, Step.Send send, CustomerProfile profile) {
        CustomerId customer = profile.customerId();
        Instant now = clock.instant();
        Map<String, Object> traits = profile.traits();
        ZoneId zone = SendPolicy.zone(traits.get("timezone"), settings.defaultTimeZone());
        boolean consent =
                privacy.mayUse(tenant, customer, send.purpose(), send.channel().consentChannel());
        if (journey.transactional()) {
            return new SendPolicy.Facts(true, journey.priority(), consent, false, false, now.atZone(zone), 0, 0, 0);
        }
        return new SendPolicy.Facts(
                false,
                journey.priority(),
                consent,
                SendPolicy.inGlobalHoldout(
                        tenant.value().toString(), customer.value(), settings.globalHoldoutPercent()),
                messaging.contentSentSince(tenant, customer, send.template(), now.minus(settings.dedupeWindow())),
                now.atZone(zone),
                messaging.sentSince(tenant, customer, null, now.minus(Duration.ofDays(1))),
                messaging.sentSince(tenant, customer, null, now.minus(Duration.ofDays(7))),
                messaging.sentSince(tenant, customer, send.channel(), now.minus(Duration.ofDays(1))));
    }
}
