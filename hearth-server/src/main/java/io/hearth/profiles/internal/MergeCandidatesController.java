package io.hearth.profiles.internal;

import io.hearth.profiles.MergeCandidate;
import io.hearth.profiles.MergeCandidate.Status;
import io.hearth.profiles.ProfileManagement;
import io.hearth.profiles.ProfilesProblem;
import io.hearth.shared.FieldError;
import io.hearth.shared.HearthProblem;
import io.hearth.tenancy.Principal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The review queue of probabilistic merge candidates: list, accept (merge) and reject. */
@RestController
@Tag(name = "Merge candidates", description = "Profiles that look like one customer, waiting for review")
class MergeCandidatesController {

    private final ProfileManagement profiles;

    MergeCandidatesController(ProfileManagement profiles) {
        this.profiles = profiles;
    }

    @GetMapping(path = "/v1/merge-candidates", produces = "application/json")
    @Operation(summary = "Merge candidates in a status (pending, accepted, rejected), highest score first")
    Map<String, List<MergeCandidate>> candidates(
            @AuthenticationPrincipal Principal caller,
            @RequestParam(defaultValue = "pending") String status,
            @RequestParam(defaultValue = "50") int limit) {
        Status wanted = Status.fromCode(status)
                .orElseThrow(() -> new HearthProblem(
                        ProfilesProblem.INVALID_QUERY,
                        "status must be pending, accepted or rejected",
                        List.of(new FieldError("status", "must be pending, accepted or rejected"))));
        if (limit < 1 || limit > 500) {
            throw new HearthProblem(
                    ProfilesProblem.INVALID_QUERY,
                    "limit must be between 1 and 500",
                    List.of(new FieldError("limit", "must be between 1 and 500")));
        }
        return Map.of("data", profiles.mergeCandidates(caller.tenantId(), wanted, limit));
    }

    @PostMapping(path = "/v1/merge-candidates/{candidateId}/accept", produces = "application/json")
    @Operation(summary = "Merge the pair into the older profile (admin); undo with the customer's unmerge")
    MergeCandidate accept(@AuthenticationPrincipal Principal caller, @PathVariable String candidateId) {
        return profiles.acceptMergeCandidate(caller.tenantId(), id(candidateId), "api-key:" + caller.keyId());
    }

    @PostMapping(path = "/v1/merge-candidates/{candidateId}/reject", produces = "application/json")
    @Operation(summary = "Record that the pair is two customers (admin); it is never proposed again")
    MergeCandidate reject(@AuthenticationPrincipal Principal caller, @PathVariable String candidateId) {
        return profiles.rejectMergeCandidate(caller.tenantId(), id(candidateId), "api-key:" + caller.keyId());
    }

    /** A malformed id names no candidate: the same 404 as an unknown one. */
    private static UUID id(String candidateId) {
        try {
            return UUID.fromString(candidateId);
        } catch (IllegalArgumentException e) {
            throw new HearthProblem(ProfilesProblem.UNKNOWN_MERGE_CANDIDATE, "No such merge candidate");
        }
    }
}
