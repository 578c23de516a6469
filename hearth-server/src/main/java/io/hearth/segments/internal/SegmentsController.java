package io.hearth.segments.internal;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.hearth.segments.MemberPage;
import io.hearth.segments.Segment;
import io.hearth.segments.SegmentEvaluation;
import io.hearth.segments.SegmentId;
import io.hearth.segments.SegmentManagement;
import io.hearth.segments.SegmentsProblem;
import io.hearth.shared.CustomerId;
import io.hearth.shared.FieldError;
import io.hearth.shared.HearthProblem;
import io.hearth.tenancy.Principal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Segments: define with a CEL expression, list with member counts, page through members. */
@RestController
@Tag(name = "Segments", description = "Customer segments as CEL expressions over profiles")
class SegmentsController {

    private final SegmentManagement segments;

    SegmentsController(SegmentManagement segments) {
        this.segments = segments;
    }

    @PostMapping(path = "/v1/segments", produces = "application/json")
    @Operation(summary = "Create a segment and evaluate it over every profile (admin)")
    ResponseEntity<SegmentResponse> create(
            @AuthenticationPrincipal Principal caller, @RequestBody SegmentRequest request) {
        request.check();
        SegmentEvaluation evaluation = segments.create(caller.tenantId(), request.name(), request.expression());
        return ResponseEntity.created(
                        URI.create("/v1/segments/" + evaluation.segment().segmentId()))
                .body(SegmentResponse.of(evaluation));
    }

    @GetMapping(path = "/v1/segments", produces = "application/json")
    @Operation(summary = "The tenant's segments with their member counts")
    Map<String, List<Segment>> list(@AuthenticationPrincipal Principal caller) {
        return Map.of("data", segments.segments(caller.tenantId()));
    }

    @GetMapping(path = "/v1/segments/{segmentId}", produces = "application/json")
    @Operation(summary = "One segment with its member count")
    Segment segment(@AuthenticationPrincipal Principal caller, @PathVariable String segmentId) {
        SegmentId id = parse(segmentId);
        return segments.segment(caller.tenantId(), id).orElseThrow(() -> SegmentService.unknown(id));
    }

    @PutMapping(path = "/v1/segments/{segmentId}", produces = "application/json")
    @Operation(summary = "Change a segment's name and expression and re-evaluate it (admin)")
    SegmentResponse update(
            @AuthenticationPrincipal Principal caller,
            @PathVariable String segmentId,
            @RequestBody SegmentRequest request) {
        SegmentId id = parse(segmentId);
        request.check();
        return SegmentResponse.of(segments.update(caller.tenantId(), id, request.name(), request.expression()));
    }

    @DeleteMapping(path = "/v1/segments/{segmentId}")
    @Operation(summary = "Delete a segment and its membership (admin)")
    ResponseEntity<Void> delete(@AuthenticationPrincipal Principal caller, @PathVariable String segmentId) {
        segments.delete(caller.tenantId(), parse(segmentId));
        return ResponseEntity.noContent().build();
    }

    @GetMapping(path = "/v1/segments/{segmentId}/members", produces = "application/json")
    @Operation(summary = "Customer ids in the segment, in id order; pass next as cursor for more")
    MemberPage members(
            @AuthenticationPrincipal Principal caller,
            @PathVariable String segmentId,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(required = false) @Nullable String cursor) {
        if (limit < 1 || limit > 1000) {
            throw new HearthProblem(
                    SegmentsProblem.INVALID_QUERY,
                    "limit must be between 1 and 1000",
                    List.of(new FieldError("limit", "must be between 1 and 1000")));
        }
        CustomerId after = cursor == null || cursor.isBlank() ? null : CustomerId.of(cursor);
        return segments.members(caller.tenantId(), parse(segmentId), limit, after);
    }

    @GetMapping(path = "/v1/customers/{customerId}/segments", produces = "application/json")
    @Operation(summary = "The segments a customer is in")
    Map<String, List<Segment>> ofCustomer(@AuthenticationPrincipal Principal caller, @PathVariable String customerId) {
        return Map.of("data", segments.segmentsOf(caller.tenantId(), CustomerId.of(customerId)));
    }

    private static SegmentId parse(String segmentId) {
        try {
            return SegmentId.of(segmentId);
        } catch (IllegalArgumentException e) {
            throw new HearthProblem(SegmentsProblem.UNKNOWN_SEGMENT, "No such segment");
        }
    }

    /** The body of create and update. */
    record SegmentRequest(@Nullable String name, @Nullable String expression) {

        void check() {
            List<FieldError> errors = new ArrayList<>();
            if (name == null) {
                errors.add(new FieldError("/name", "is required"));
            }
            if (expression == null) {
                errors.add(new FieldError("/expression", "is required"));
            }
            if (!errors.isEmpty()) {
                throw new HearthProblem(
                        SegmentsProblem.INVALID_SEGMENT, "A segment needs a name and an expression", errors);
            }
        }

        @Override
        public String name() {
            return name == null ? "" : name;
        }

        @Override
        public String expression() {
            return expression == null ? "" : expression;
        }
    }

    /** A saved segment with what its bulk evaluation did. */
    record SegmentResponse(@JsonUnwrapped Segment segment, Evaluation evaluation) {

        static SegmentResponse of(SegmentEvaluation evaluation) {
            return new SegmentResponse(
                    evaluation.segment(),
                    new Evaluation(
                            evaluation.profilesEvaluated(),
                            evaluation.entered(),
                            evaluation.exited(),
                            evaluation.took().toMillis()));
        }
    }

    record Evaluation(long profilesEvaluated, long entered, long exited, long millis) {}
}
