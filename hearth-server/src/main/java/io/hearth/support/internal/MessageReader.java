package io.hearth.support.internal;

import io.hearth.ml.entity.Entity;
import io.hearth.ml.intent.IntentPrediction;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Intent, order numbers, SKUs and sentiment of a message, embedding it once for intent and search. */
@Component
class MessageReader {

    private final SupportModels models;
    private final Clock clock;

    MessageReader(SupportModels models, Clock clock) {
        this.models = models;
        this.clock = clock;
    }

    float[] embed(String text) {
        return models.embedder().embed(text);
    }

    Reading read(TenantId tenant, String text) {
        float[] embedding = models.embedder().embed(text);
        IntentPrediction prediction = models.classifier(tenant).classify(text, embedding);
        List<String> orders = new ArrayList<>();
        List<String> skus = new ArrayList<>();
        for (Entity entity : models.entities().extract(text, LocalDate.now(clock))) {
            switch (entity) {
                case Entity.OrderNumber order -> orders.add(order.number());
                case Entity.Sku sku -> skus.add(sku.code());
                default -> {}
            }
        }
        double sentiment = models.sentiment().score(text).compound();
        return new Reading(
                prediction.intent(),
                prediction.confidence(),
                prediction.outOfScope(),
                sentiment,
                List.copyOf(orders),
                List.copyOf(skus),
                embedding);
    }
}
