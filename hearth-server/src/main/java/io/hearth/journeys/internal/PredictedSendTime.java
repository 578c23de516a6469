package io.hearth.journeys.internal;

import io.hearth.journeys.SendTimePort;
import io.hearth.predictions.CustomerPredictions;
import io.hearth.predictions.Factor;
import io.hearth.predictions.Prediction;
import io.hearth.predictions.PredictionManagement;
import io.hearth.profiles.ProfileManagement;
import io.hearth.shared.CustomerId;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The predicted best hour of the week, as a local time of day in the customer's zone (picked as the
 * wait step picks it). Without a trained version the rules answer the hour of the customer's own
 * events against a uniform prior, so one sign-up would pick the sign-up hour: below {@value
 * #MIN_OWN_EVENTS} own events that is no better than a guess, and the configured local send hour
 * applies instead. A trained version's answer (the shop's best hour for a newcomer) is always used.
 */
@Component
class PredictedSendTime implements SendTimePort {

    static final int MIN_OWN_EVENTS = 5;

    private final PredictionManagement predictions;
    private final ProfileManagement profiles;
    private final JourneySettings settings;
    private final Clock clock;

    PredictedSendTime(
            PredictionManagement predictions, ProfileManagement profiles, JourneySettings settings, Clock clock) {
        this.predictions = predictions;
        this.profiles = profiles;
        this.settings = settings;
        this.clock = clock;
    }

    /** The served send time is what the wait acts on, so using it comes with its decision record. */
    @Override
    public Choice bestSendTime(TenantId tenant, CustomerId customer, String action) {
        CustomerPredictions scores;
        try {
            scores = predictions.forCustomer(tenant, customer);
        } catch (HearthProblem unknownCustomer) {
            return Choice.NONE;
        }
        Prediction best = scores.bestSendTime();
        if (best.fallback() && ownEvents(best) < MIN_OWN_EVENTS) {
            return Choice.NONE;
        }
        Object trait = profiles.profile(tenant, customer)
                .map(profile -> profile.traits().get("timezone"))
                .orElse(null);
        LocalTime time = localTime((int) best.value(), SendPolicy.zone(trait, settings.defaultTimeZone()));
        return new Choice(Optional.of(time), Optional.of(predictions.servedDecision(scores, action)));
    }

    /** The UTC hour of the week as a time of day in {@code zone}, at today's offset (DST moves it). */
    LocalTime localTime(int hourOfWeek, ZoneId zone) {
        int utcHour = Math.floorMod(hourOfWeek, 24);
        return clock.instant()
                .truncatedTo(ChronoUnit.DAYS)
                .atOffset(ZoneOffset.UTC)
                .withHour(utcHour)
                .atZoneSameInstant(zone)
                .toLocalTime();
    }

    private static double ownEvents(Prediction best) {
        return best.explanation().stream()
                .filter(factor -> factor.name().equals("own_events"))
                .mapToDouble(Factor::value)
                .findFirst()
                .orElse(0);
    }
}
