package io.hearth.console.internal;

import io.hearth.ingestion.EventQuery;
import io.hearth.ingestion.IngestionManagement;
import io.hearth.ingestion.MinuteCount;
import io.hearth.ingestion.StoredEvent;
import io.hearth.profiles.IdentifierKind;
import io.hearth.shared.Scope;
import io.hearth.shared.TenantId;
import io.hearth.tenancy.ApiKey;
import io.hearth.tenancy.Source;
import io.hearth.tenancy.TenantManagement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Gathers what the console's first page shows, through the facades only. Events are shown without
 * their traits and properties: those may hold personal data and the page does not need them.
 */
@Component
class Dashboard {

    static final int LATEST_EVENTS = 20;
    static final Duration RATE_WINDOW = Duration.ofHours(1);

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private final TenantManagement tenants;
    private final IngestionManagement ingestion;
    private final Clock clock;

    Dashboard(TenantManagement tenants, IngestionManagement ingestion, Clock clock) {
        this.tenants = tenants;
        this.ingestion = ingestion;
        this.clock = clock;
    }

    /** The last hour by minute, ending with the current minute. */
    Activity activity(TenantId tenant) {
        Instant end = clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        List<MinuteRow> minutes = ingestion.eventsPerMinute(tenant, end.minus(RATE_WINDOW), end).stream()
                .map(Dashboard::minuteRow)
                .toList();
        EventQuery latest = new EventQuery(null, null, null, null, null, null, LATEST_EVENTS, null);
        List<EventRow> events = ingestion.events(tenant, latest).events().stream()
                .map(Dashboard::eventRow)
                .toList();
        return new Activity(minutes, events, TIME.format(clock.instant()));
    }

    List<Source> sources(TenantId tenant) {
        return tenants.sources(tenant).stream()
                .sorted(Comparator.comparing(Source::name))
                .toList();
    }

    List<KeyRow> apiKeys(TenantId tenant) {
        return tenants.apiKeys(tenant).stream()
                .sorted(Comparator.comparing(ApiKey::createdAt).reversed())
                .map(key -> new KeyRow(
                        key.name(),
                        key.scopes().stream()
                                .sorted()
                                .map(Scope::name)
                                .map(name -> name.toLowerCase(Locale.ROOT))
                                .collect(Collectors.joining(", ")),
                        TIME.format(key.createdAt()),
                        key.revoked().map(TIME::format).orElse("")))
                .toList();
    }

    private static MinuteRow minuteRow(MinuteCount count) {
        return new MinuteRow(MINUTE.format(count.minute()), count.events());
    }

    private static EventRow eventRow(StoredEvent event) {
        String who = event.userId() != null ? event.userId() : Objects.requireNonNullElse(event.anonymousId(), "");
        IdentifierKind kind = event.userId() != null ? IdentifierKind.USER_ID : IdentifierKind.ANONYMOUS_ID;
        return new EventRow(
                TIME.format(event.timestamp()),
                event.type(),
                Objects.requireNonNullElse(event.event(), ""),
                who,
                kind.code());
    }

    /** The refreshing part of the page: events per minute and the latest events. */
    public record Activity(List<MinuteRow> minutes, List<EventRow> events, String asOf) {
        public Activity {
            minutes = List.copyOf(minutes);
            events = List.copyOf(events);
        }

        public long total() {
            return minutes.stream().mapToLong(MinuteRow::events).sum();
        }

        public String labelsCsv() {
            return minutes.stream().map(MinuteRow::label).collect(Collectors.joining(","));
        }

        public String countsCsv() {
            return minutes.stream().map(row -> Long.toString(row.events())).collect(Collectors.joining(","));
        }
    }

    /** One minute of the chart, labelled HH:mm in UTC. */
    public record MinuteRow(String label, long events) {}

    /**
     * One event as the page lists it: no traits, no properties. {@code whoKind} says whether {@code who}
     * is a user id or an anonymous id, for the link to the customer.
     */
    public record EventRow(String time, String type, String name, String who, String whoKind) {}

    /** One API key as the page lists it: never its secret. */
    public record KeyRow(String name, String scopes, String created, String revoked) {}
}
