package io.hearth.ingestion.internal;

import io.hearth.ingestion.BatchReceipt;
import io.hearth.ingestion.IngestionManagement;
import io.hearth.ingestion.IngestionProblem;
import io.hearth.tenancy.Principal;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The Segment HTTP tracking API: same paths, payloads, limits and answers, so an unmodified Segment or
 * RudderStack client can send here by changing only its endpoint.
 */
@RestController
@Tag(name = "Ingestion", description = "Segment-compatible tracking API")
class SegmentController {

    private static final int MAX_BATCH_BYTES = 500 * 1024;

    private final IngestionManagement ingestion;
    private final RequestBodies bodies;
    private final IngestionCallers callers;
    private final Timer latency;

    SegmentController(
            IngestionManagement ingestion, RequestBodies bodies, IngestionCallers callers, MeterRegistry registry) {
        this.ingestion = ingestion;
        this.bodies = bodies;
        this.callers = callers;
        this.latency = Timer.builder("hearth.ingestion.latency")
                .description("Time to validate and durably store a tracking call")
                .publishPercentileHistogram()
                .register(registry);
    }

    @PostMapping(path = "/v1/{type:track|identify|alias|page|screen|group}", produces = "application/json")
    @Operation(summary = "Send one event (track, identify, alias, page, screen or group)")
    Map<String, Object> single(
            @PathVariable String type,
            @AuthenticationPrincipal @Nullable Principal caller,
            HttpServletRequest request) {
        return timed(() -> {
            byte[] body = bodies.read(request, MessageNormalizer.MAX_EVENT_BYTES, IngestionProblem.EVENT_TOO_LARGE);
            JsonNode message = bodies.parse(body);
            Principal sender = callers.resolve(caller, message);
            return answer(ingestion.ingestOne(sender.tenantId(), sender.keyId(), type, message));
        });
    }

    @PostMapping(
            path = {"/v1/batch", "/v1/batch/", "/v1/import", "/v1/import/"},
            produces = "application/json")
    @Operation(summary = "Send up to 500 KB of events; valid ones are kept, invalid ones reported by index")
    Map<String, Object> batch(@AuthenticationPrincipal @Nullable Principal caller, HttpServletRequest request) {
        return timed(() -> {
            byte[] body = bodies.read(request, MAX_BATCH_BYTES, IngestionProblem.BATCH_TOO_LARGE);
            JsonNode batch = bodies.parse(body);
            Principal sender = callers.resolve(caller, batch);
            return answer(ingestion.ingestBatch(sender.tenantId(), sender.keyId(), batch));
        });
    }

    private Map<String, Object> timed(Supplier<Map<String, Object>> work) {
        Timer.Sample sample = Timer.start();
        try {
            return work.get();
        } finally {
            sample.stop(latency);
        }
    }

    /** Segment answers {@code {"success": true}}; the counts and rejections are Hearth's additions. */
    private static Map<String, Object> answer(BatchReceipt receipt) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", true);
        answer.put("accepted", receipt.accepted());
        answer.put("duplicates", receipt.duplicates());
        if (!receipt.rejected().isEmpty()) {
            answer.put("rejected", receipt.rejected());
        }
        return answer;
    }
}
