package io.hearth.recommendations.internal;

import io.hearth.ingestion.EventPage;
import io.hearth.ingestion.EventQuery;
import io.hearth.ingestion.IngestionManagement;
import io.hearth.ingestion.StoredEvent;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The product signals of the last {@code session-window}, per identity, in memory, so a slate reads
 * "this session" without touching the event log. A tenant's window is read from the log once, in the
 * background, on its first request, and every batch of stored events is added as it is ingested
 * (duplicates, from redelivery or from overlapping the first read, are recognized by event id). Until
 * that first read is done, or when a tenant has more recent activity than {@link #MAX_IDENTITIES}
 * identities or {@link #MAX_WARM_EVENTS} events, requests read the log as before.
 */
@Component
class SessionMemory {

    static final int MAX_IDENTITIES = 200_000;
    static final int MAX_WARM_EVENTS = 200_000;
    private static final int MAX_PER_IDENTITY = 200;
    private static final Logger log = LoggerFactory.getLogger(SessionMemory.class);

    private final Map<TenantId, Sessions> tenants = new ConcurrentHashMap<>();
    private final IngestionManagement ingestion;
    private final SignalReader signals;
    private final RecommendationsSettings settings;
    private final Clock clock;

    SessionMemory(IngestionManagement ingestion, SignalReader signals, RecommendationsSettings settings, Clock clock) {
        this.ingestion = ingestion;
        this.signals = signals;
        this.settings = settings;
        this.clock = clock;
    }

    /** The identity's signals since {@code from}, newest first. */
    List<Signal> recent(TenantId tenant, String identity, Instant from) {
        Sessions sessions = tenants.computeIfAbsent(tenant, key -> new Sessions());
        if (sessions.warming.compareAndSet(false, true)) {
            warm(tenant, sessions);
        }
        if (!sessions.complete) {
            List<Signal> read = new ArrayList<>();
            for (StoredEvent event : signals.recent(tenant, identity, from)) {
                read.addAll(EventSignals.of(event));
            }
            return read;
        }
        Recent recent = sessions.byIdentity.get(identity);
        return recent == null ? List.of() : recent.since(from.getEpochSecond());
    }

    /** Adds freshly stored events of a tenant already in memory (the others read their window first). */
    void heard(TenantId tenant, List<StoredEvent> events) {
        Sessions sessions = tenants.get(tenant);
        if (sessions != null) {
            events.forEach(sessions::add);
        }
    }

    /** Drops identities with nothing left in the window. */
    @Scheduled(fixedDelayString = "PT1M")
    void expire() {
        long from = clock.instant().minus(settings.sessionWindow()).getEpochSecond();
        for (Sessions sessions : tenants.values()) {
            sessions.byIdentity.values().removeIf(recent -> recent.newest() < from);
        }
    }

    /** Starts only once the tenant is in {@link #tenants}, so no event stored meanwhile is missed. */
    private void warm(TenantId tenant, Sessions sessions) {
        Thread.ofVirtual().name("recommendations-session-warm").start(() -> {
            try {
                sessions.complete = readWindow(tenant, sessions);
            } catch (RuntimeException e) {
                log.warn("reading the recent sessions of tenant {} failed; it reads the event log", tenant, e);
            }
        });
    }

    private boolean readWindow(TenantId tenant, Sessions sessions) {
        Instant from = clock.instant().minus(settings.sessionWindow());
        int read = 0;
        for (String name : EventSignals.WEIGHTS.keySet()) {
            String cursor = null;
            do {
                EventPage page = ingestion.events(
                        tenant, new EventQuery("track", name, null, null, from, null, EventQuery.MAX_LIMIT, cursor));
                page.events().forEach(sessions::add);
                read += page.events().size();
                cursor = page.next();
            } while (cursor != null && read < MAX_WARM_EVENTS);
        }
        return read < MAX_WARM_EVENTS && sessions.byIdentity.size() < MAX_IDENTITIES;
    }

    private static final class Sessions {

        final Map<String, Recent> byIdentity = new ConcurrentHashMap<>();
        final AtomicBoolean warming = new AtomicBoolean();
        volatile boolean complete;

        void add(StoredEvent event) {
            List<Signal> found = EventSignals.of(event);
            if (found.isEmpty()) {
                return;
            }
            if (byIdentity.size() >= MAX_IDENTITIES
                    && !byIdentity.containsKey(found.getFirst().identity())) {
                complete = false;
                return;
            }
            byIdentity
                    .computeIfAbsent(found.getFirst().identity(), identity -> new Recent())
                    .add(event.eventId(), found);
        }
    }

    /** One identity's recent events, each with its signals; the oldest go beyond {@link #MAX_PER_IDENTITY}. */
    private static final class Recent {

        private final Map<UUID, List<Signal>> events = new LinkedHashMap<>();

        synchronized void add(UUID eventId, List<Signal> signals) {
            events.putIfAbsent(eventId, List.copyOf(signals));
            if (events.size() > MAX_PER_IDENTITY) {
                UUID oldest = events.entrySet().stream()
                        .min(Comparator.comparingLong(
                                entry -> entry.getValue().getFirst().epochSecond()))
                        .orElseThrow()
                        .getKey();
                events.remove(oldest);
            }
        }

        synchronized List<Signal> since(long fromEpochSecond) {
            List<List<Signal>> newestFirst = new ArrayList<>(events.values());
            java.util.Collections.reverse(newestFirst);
            newestFirst.sort(Comparator.comparingLong(
                            (List<Signal> signals) -> signals.getFirst().epochSecond())
                    .reversed());
            List<Signal> recent = new ArrayList<>();
            for (List<Signal> signals : newestFirst) {
                if (signals.getFirst().epochSecond() >= fromEpochSecond) {
                    recent.addAll(signals);
                }
            }
            return recent;
        }

        synchronized long newest() {
            long newest = Long.MIN_VALUE;
            for (List<Signal> signals : events.values()) {
                newest = Math.max(newest, signals.getFirst().epochSecond());
            }
            return newest;
        }
    }
}
