package io.hearth.journeys.internal;

import io.hearth.journeys.JourneyDefinition;
import io.hearth.journeys.Step;
import io.hearth.messaging.MessagingManagement;
import io.hearth.messaging.SendHistory;
import io.hearth.privacy.CustomerConsents;
import io.hearth.privacy.PrivacyManagement;
import io.hearth.profiles.CustomerProfile;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Gathers the facts of one send (consent, what the customer already got, local time) and applies the
 * policy. Facts are read in the policy's order and only as far as needed: a customer without consent
 * or in the global holdout costs no message-history read, and the history is one query.
 */
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
        return check(tenant, journey, send, profile, null);
    }

    /** With the customer's consents when the caller read them already (for a batch of runs). */
    SendPolicy.Verdict check(
            TenantId tenant,
            JourneyDefinition journey,
            Step.Send send,
            CustomerProfile profile,
            @Nullable CustomerConsents consents) {
        return policy.decide(facts(tenant, journey, send, profile, consents));
    }

    SendPolicy.Facts facts(
            TenantId tenant,
            JourneyDefinition journey,
            Step.Send send,
            CustomerProfile profile,
            @Nullable CustomerConsents consents) {
        CustomerId customer = profile.customerId();
        Instant now = clock.instant();
        ZonedDateTime localNow =
                now.atZone(SendPolicy.zone(profile.traits().get("timezone"), settings.defaultTimeZone()));
        CustomerConsents current = consents != null && consents.customer().equals(customer)
                ? consents
                : privacy.currentConsents(tenant, customer);
        boolean consent = current.mayUse(send.purpose(), send.channel().consentChannel());
        if (journey.transactional()) {
            return new SendPolicy.Facts(true, journey.priority(), consent, false, false, localNow, 0, 0, 0);
        }
        boolean heldOut = SendPolicy.inGlobalHoldout(
                tenant.value().toString(), customer.value(), settings.globalHoldoutPercent());
        if (!consent || heldOut) {
            // The policy stops at consent or the holdout: what was sent before cannot change the verdict.
            return new SendPolicy.Facts(false, journey.priority(), consent, heldOut, false, localNow, 0, 0, 0);
        }
        SendHistory history = messaging.sendHistory(
                tenant, customer, send.channel(), send.template(), now, now.minus(settings.dedupeWindow()));
        return new SendPolicy.Facts(
                false,
                journey.priority(),
                true,
                false,
                history.sameContent(),
                localNow,
                history.lastDay(),
                history.lastWeek(),
                history.lastDayOnChannel());
    }
}
