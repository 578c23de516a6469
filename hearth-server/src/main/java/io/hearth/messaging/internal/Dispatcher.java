package io.hearth.messaging.internal;

import io.hearth.messaging.MessageChannel;
import io.hearth.messaging.MessageEngaged;
import io.hearth.messaging.MessageStatus;
import io.hearth.messaging.SendRequest;
import io.hearth.messaging.SentMessage;
import io.hearth.messaging.Suppression;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a message at most once. The message row is committed as {@code queued} before anything
 * leaves; an attempt first moves it to {@code sending} in its own commit, then hands it to the
 * channel, then records the outcome. A node that dies mid-attempt leaves the row in {@code sending},
 * which nothing ever picks up again: a lost message is preferred to a duplicate. Only refusals that
 * prove the provider did not take the message are retried. A message still {@code queued} was never
 * handed to anyone, so a repeated request or the retry job gives it its first attempt.
 */
@Component
class Dispatcher {

    private final MessageStore store;
    private final MessageComposer composer;
    private final LeavingCheck leaving;
    private final Map<MessageChannel, ChannelAdapter> adapters = new EnumMap<>(MessageChannel.class);
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final MessagingSettings settings;
    private final Clock clock;
    private final DeliveryFeedback feedback;

    Dispatcher(
            MessageStore store,
            MessageComposer composer,
            LeavingCheck leaving,
            List<ChannelAdapter> adapters,
            PlatformTransactionManager transactionManager,
            ApplicationEventPublisher events,
            MessagingSettings settings,
            Clock clock,
            DeliveryFeedback feedback) {
        this.store = store;
        this.composer = composer;
        this.leaving = leaving;
        adapters.forEach(adapter -> this.adapters.put(adapter.channel(), adapter));
        // Each state change commits on its own, whatever transaction the caller (a journey run) holds:
        // "sending" must be durable before the message leaves.
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.events = events;
        this.settings = settings;
        this.clock = clock;
        this.feedback = feedback;
    }

    /** Accepts the request (once per idempotency key) and makes the first attempt. */
    SentMessage send(TenantId tenant, SendRequest request) {
        var existing = store.byKey(tenant, request.idempotencyKey());
        if (existing.isPresent()) {
            return resumed(tenant, request.idempotencyKey(), existing.get());
        }
        MessageStore.NewMessage message = composer.compose(tenant, request, UUID.randomUUID());
        Instant now = clock.instant();
        boolean inserted = Boolean.TRUE.equals(transactions.execute(status -> {
            boolean fresh = store.insert(tenant, message, now);
            if (fresh && message.status() != MessageStatus.QUEUED) {
                publish(tenant, message.messageId(), request, message.status(), now);
            }
            return fresh;
        }));
        if (inserted && message.status() == MessageStatus.QUEUED) {
            attempt(tenant, message.messageId());
        }
        return store.byKey(tenant, request.idempotencyKey()).orElseThrow().message();
    }

    /**
     * The message already requested under this key, if any, given its first attempt when it is still
     * {@code queued}: a resumed journey step uses it instead of deciding again, because the guardrails
     * would count the step's own message against it.
     */
    Optional<SentMessage> resume(TenantId tenant, String idempotencyKey) {
        return store.byKey(tenant, idempotencyKey).map(existing -> resumed(tenant, idempotencyKey, existing));
    }

    /**
     * A repeated request finds its message. One still {@code queued} was committed by a node that died
     * before claiming it (the journey run that asked is now resumed), so it gets its first attempt now:
     * the claim keeps that to one attempt however many repeats race.
     */
    private SentMessage resumed(TenantId tenant, String idempotencyKey, MessageStore.Stored existing) {
        if (existing.message().status() != MessageStatus.QUEUED) {
            return existing.message();
        }
        attempt(tenant, existing.message().messageId());
        return store.byKey(tenant, idempotencyKey).orElseThrow().message();
    }

    /** One delivery attempt of a queued or retrying message; nothing happens if another node has it. */
    void attempt(TenantId tenant, UUID messageId) {
        MessageStore.Stored stored = store.byId(tenant, messageId).orElseThrow();
        MessageChannel channel = stored.message().channel();
        Optional<String> refusal = leaving.refusal(tenant, stored);
        if (refusal.isPresent()) {
            transactions.executeWithoutResult(status -> {
                if (store.claim(tenant, messageId)) {
                    store.settle(tenant, messageId, MessageStatus.SUPPRESSED, refusal.get(), null, null);
                    publish(tenant, stored, MessageEngaged.Kind.SUPPRESSED, clock.instant());
                }
            });
            return;
        }
        if (!Boolean.TRUE.equals(transactions.execute(status -> store.claim(tenant, messageId)))) {
            return;
        }
        ChannelAdapter adapter = adapters.get(channel);
        DeliveryResult result = adapter == null
                ? new DeliveryResult.Permanent("no adapter for channel " + channel.key())
                : adapter.deliver(composer.outgoing(tenant, stored));
        transactions.executeWithoutResult(status -> settle(tenant, stored, result));
    }

    private void settle(TenantId tenant, MessageStore.Stored stored, DeliveryResult result) {
        Instant now = clock.instant();
        UUID id = stored.message().messageId();
        int attempts = stored.message().attempts() + 1;
        switch (result) {
            case DeliveryResult.Accepted accepted -> {
                store.settle(tenant, id, MessageStatus.SENT, null, null, now);
                publish(tenant, stored, MessageEngaged.Kind.SENT, now);
            }
            case DeliveryResult.Transient refused -> retryOrGiveUp(tenant, stored, refused, attempts, now);
            case DeliveryResult.Permanent refused -> fail(tenant, stored, refused.reason(), now);
            case DeliveryResult.Undeliverable dead -> {
                fail(tenant, stored, dead.reason(), now);
                feedback.suppress(tenant, stored, Suppression.Reason.HARD_BOUNCE, dead.reason());
            }
            case DeliveryResult.Ambiguous unclear ->
                store.settle(tenant, id, MessageStatus.UNKNOWN, unclear.reason(), null, null);
        }
    }

    private void retryOrGiveUp(
            TenantId tenant, MessageStore.Stored stored, DeliveryResult.Transient refused, int attempts, Instant now) {
        if (attempts >= settings.maxAttempts()) {
            fail(tenant, stored, "gave up after " + attempts + " attempts: " + refused.reason(), now);
            return;
        }
        store.settle(
                tenant,
                stored.message().messageId(),
                MessageStatus.RETRYING,
                refused.reason(),
                now.plus(settings.backoffAfter(attempts)),
                null);
    }

    private void fail(TenantId tenant, MessageStore.Stored stored, String reason, Instant now) {
        store.settle(tenant, stored.message().messageId(), MessageStatus.FAILED, reason, null, null);
        publish(tenant, stored, MessageEngaged.Kind.FAILED, now);
    }

    private void publish(TenantId tenant, MessageStore.Stored stored, MessageEngaged.Kind kind, Instant now) {
        events.publishEvent(new MessageEngaged(
                tenant,
                stored.message().messageId(),
                stored.customer(),
                kind,
                stored.message().attribution(),
                null,
                now));
    }

    private void publish(TenantId tenant, UUID id, SendRequest request, MessageStatus status, Instant now) {
        MessageEngaged.Kind kind =
                status == MessageStatus.SUPPRESSED ? MessageEngaged.Kind.SUPPRESSED : MessageEngaged.Kind.FAILED;
        events.publishEvent(new MessageEngaged(tenant, id, request.customer(), kind, request.attribution(), null, now));
    }
}
