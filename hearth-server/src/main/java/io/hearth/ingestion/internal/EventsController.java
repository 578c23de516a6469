package io.hearth.ingestion.internal;

import io.hearth.ingestion.EventPage;
import io.hearth.ingestion.EventQuery;
import io.hearth.ingestion.IngestionManagement;
import io.hearth.ingestion.IngestionProblem;
import io.hearth.ingestion.StoredEvent;
import io.hearth.shared.FieldError;
import io.hearth.shared.HearthProblem;
import io.hearth.tenancy.Principal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Lists stored events, newest first (admin {@code read} scope). */
@RestController
@Tag(name = "Events", description = "The event log")
class EventsController {

    private final IngestionManagement ingestion;
    private final JsonMapper json;

    EventsController(IngestionManagement ingestion, JsonMapper json) {
        this.ingestion = ingestion;
        this.json = json;
    }

    @GetMapping(path = "/v1/events", produces = "application/json")
    @Operation(summary = "List events newest first, filtered by type, event name, userId, anonymousId and time")
    Map<String, Object> list(
            @AuthenticationPrincipal Principal caller,
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String event,
            @RequestParam(required = false) @Nullable String userId,
            @RequestParam(required = false) @Nullable String anonymousId,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(required = false) @Nullable String cursor) {
        if (limit < 1 || limit > EventQuery.MAX_LIMIT) {
            throw invalid("limit", "must be between 1 and " + EventQuery.MAX_LIMIT);
        }
        EventQuery query = new EventQuery(
                type, event, userId, anonymousId, instant("from", from), instant("to", to), limit, cursor);
        EventPage page = ingestion.events(caller.tenantId(), query);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("data", page.events().stream().map(this::document).toList());
        answer.put("next", page.next());
        return answer;
    }

    private Map<String, Object> document(StoredEvent event) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("eventId", event.eventId());
        document.put("sourceId", event.sourceId());
        JsonNode payload = json.readTree(event.payload());
        for (Map.Entry<String, JsonNode> field : payload.properties()) {
            document.put(field.getKey(), field.getValue());
        }
        return document;
    }

    private static @Nullable Instant instant(String name, @Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(name, "must be an ISO-8601 instant such as 2026-11-24T00:00:00Z");
        }
    }

    private static HearthProblem invalid(String parameter, String detail) {
        return new HearthProblem(
                IngestionProblem.INVALID_QUERY, parameter + " " + detail, List.of(new FieldError(parameter, detail)));
    }
}
