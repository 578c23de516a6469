package io.hearth.journeys.internal;

import io.hearth.journeys.JourneyManagement;
import io.hearth.predictions.PredictionChanged;
import java.util.Locale;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Starts prediction-triggered journeys when a score crosses its threshold upwards (a churn risk that
 * falls back starts nothing). The signal becomes the trigger's name ({@code churn_risk}, {@code
 * health_drop}, {@code replenishment_due}); customer, signal and instant identify the crossing, so a
 * redelivered event enters no one twice.
 */
@Component
class PredictionTriggers {

    private final JourneyManagement journeys;

    PredictionTriggers(JourneyManagement journeys) {
        this.journeys = journeys;
    }

    @Async
    @TransactionalEventListener
    void on(PredictionChanged changed) {
        if (!changed.crossedUp()) {
            return;
        }
        String signal = changed.signal().name().toLowerCase(Locale.ROOT);
        String crossing = changed.customerId().value() + ":" + signal + ":" + changed.at();
        journeys.predictionCrossed(changed.tenantId(), changed.customerId(), signal, changed.current(), crossing);
    }
}
