package io.hearth.profiles;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A page of a timeline, newest first, with the cursor of the next page if there is one. */
public record TimelinePage(
        List<TimelineEntry> entries, @Nullable String next) {

    public TimelinePage {
        entries = List.copyOf(entries);
    }
}
