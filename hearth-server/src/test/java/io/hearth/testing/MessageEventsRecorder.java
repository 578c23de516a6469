package io.hearth.testing;

import io.hearth.messaging.MessageEngaged;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.transaction.event.TransactionalEventListener;

/** Records what happened to messages, as listeners see it after commit (from any thread). */
@TestComponent
public class MessageEventsRecorder {

    private final List<MessageEngaged> events = new CopyOnWriteArrayList<>();

    @TransactionalEventListener
    void on(MessageEngaged event) {
        events.add(event);
    }

    public List<MessageEngaged> of(UUID message) {
        return events.stream()
                .filter(event -> event.messageId().equals(message))
                .toList();
    }
}
