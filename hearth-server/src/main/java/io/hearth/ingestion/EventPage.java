package io.hearth.ingestion;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of events, newest first, with the cursor of the next page if there is one. */
public record EventPage(List<StoredEvent> events, @Nullable String next) {

    public EventPage {
        events = List.copyOf(events);
    }
}
