package io.hearth.support.internal;

import io.hearth.ml.entity.Entity;
import io.hearth.ml.intent.IntentPrediction;
import io.hearth.shared.TenantId;
import io.hearth.support.MessageEntity;
import io.hearth.support.MessageEntity.Kind;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Intent, entities (order numbers, SKUs, emails, amounts, dates) and sentiment of a message,
 * embedding it once for intent and search.
 */
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
        List<MessageEntity> entities = new ArrayList<>();
        for (Entity entity : models.entities().extract(text, LocalDate.now(clock))) {
            MessageEntity kept = entity(entity);
            entities.add(kept);
            switch (kept.kind()) {
                case ORDER_NUMBER -> orders.add(kept.value());
                case SKU -> skus.add(kept.value());
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
                List.copyOf(entities),
                embedding);
    }

    /** The extractor's entity with its normalized value, as the conversation stores and shows it. */
    static MessageEntity entity(Entity entity) {
        return switch (entity) {
            case Entity.OrderNumber order -> new MessageEntity(Kind.ORDER_NUMBER, order.text(), order.number(), null);
            case Entity.Sku sku -> new MessageEntity(Kind.SKU, sku.text(), sku.code(), null);
            case Entity.Email email -> new MessageEntity(Kind.EMAIL, email.text(), email.address(), null);
            case Entity.Amount amount ->
                new MessageEntity(
                        Kind.AMOUNT,
                        amount.text(),
                        amount.value().toPlainString(),
                        amount.currency().getCurrencyCode());
            case Entity.Date date ->
                new MessageEntity(Kind.DATE, date.text(), date.date().toString(), null);
        };
    }
}
