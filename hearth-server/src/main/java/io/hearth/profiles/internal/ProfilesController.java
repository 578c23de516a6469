package io.hearth.profiles.internal;

import io.hearth.profiles.CustomerProfile;
import io.hearth.profiles.IdentifierKind;
import io.hearth.profiles.Merge;
import io.hearth.profiles.ProfileManagement;
import io.hearth.profiles.ProfilesProblem;
import io.hearth.profiles.TimelinePage;
import io.hearth.shared.CustomerId;
import io.hearth.shared.FieldError;
import io.hearth.shared.HearthProblem;
import io.hearth.tenancy.Principal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Customer profiles: read, look up by identifier, timeline, merge history and unmerge. */
@RestController
@Tag(name = "Customers", description = "Unified customer profiles")
class ProfilesController {

    private static final Map<String, IdentifierKind> LOOKUP_PARAMETERS = Map.of(
            "userId", IdentifierKind.USER_ID,
            "anonymousId", IdentifierKind.ANONYMOUS_ID,
            "email", IdentifierKind.EMAIL,
            "phone", IdentifierKind.PHONE,
            "loyaltyNumber", IdentifierKind.LOYALTY_NUMBER);

    private final ProfileManagement profiles;

    ProfilesController(ProfileManagement profiles) {
        this.profiles = profiles;
    }

    @GetMapping(path = "/v1/customers/{customerId}", produces = "application/json")
    @Operation(summary = "A customer's profile; a merged id answers the profile it was merged into")
    CustomerProfile profile(@AuthenticationPrincipal Principal caller, @PathVariable String customerId) {
        return profiles.profile(caller.tenantId(), CustomerId.of(customerId)).orElseThrow(() -> unknown(customerId));
    }

    @GetMapping(path = "/v1/customers/lookup", produces = "application/json")
    @Operation(summary = "The profile of exactly one identifier: userId, anonymousId, email, phone or loyaltyNumber")
    CustomerProfile lookup(@AuthenticationPrincipal Principal caller, @RequestParam Map<String, String> parameters) {
        List<String> given = parameters.keySet().stream()
                .filter(LOOKUP_PARAMETERS::containsKey)
                .toList();
        if (given.size() != 1) {
            throw new HearthProblem(
                    ProfilesProblem.INVALID_LOOKUP,
                    "Give exactly one of " + LOOKUP_PARAMETERS.keySet(),
                    List.of(new FieldError("email", "give exactly one identifier parameter")));
        }
        String name = given.get(0);
        return profiles.lookup(caller.tenantId(), LOOKUP_PARAMETERS.get(name), parameters.get(name))
                .orElseThrow(() -> new HearthProblem(ProfilesProblem.UNKNOWN_CUSTOMER, "No customer has that " + name));
    }

    @GetMapping(path = "/v1/customers/{customerId}/timeline", produces = "application/json")
    @Operation(summary = "The customer's events, newest first, filterable by type and event name")
    Map<String, Object> timeline(
            @AuthenticationPrincipal Principal caller,
            @PathVariable String customerId,
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String event,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) @Nullable String cursor) {
        if (limit < 1 || limit > 500) {
            throw new HearthProblem(
                    ProfilesProblem.INVALID_QUERY,
                    "limit must be between 1 and 500",
                    List.of(new FieldError("limit", "must be between 1 and 500")));
        }
        TimelinePage page = profiles.timeline(caller.tenantId(), CustomerId.of(customerId), type, event, limit, cursor);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("data", page.entries());
        answer.put("next", page.next());
        return answer;
    }

    @GetMapping(path = "/v1/customers/{customerId}/merges", produces = "application/json")
    @Operation(summary = "Merges the profile took part in, oldest first")
    Map<String, List<Merge>> merges(@AuthenticationPrincipal Principal caller, @PathVariable String customerId) {
        return Map.of("data", profiles.merges(caller.tenantId(), CustomerId.of(customerId)));
    }

    @PostMapping(path = "/v1/customers/{customerId}/unmerge", produces = "application/json")
    @Operation(summary = "Undo the merge that absorbed this profile (admin)")
    Merge unmerge(@AuthenticationPrincipal Principal caller, @PathVariable String customerId) {
        return profiles.unmerge(caller.tenantId(), CustomerId.of(customerId), "api-key:" + caller.keyId());
    }

    @GetMapping(path = "/v1/customers", produces = "application/json")
    @Operation(summary = "Profiles whose trait has a value, e.g. ?trait=plan&value=gold")
    Map<String, List<CustomerProfile>> search(
            @AuthenticationPrincipal Principal caller,
            @RequestParam String trait,
            @RequestParam String value,
            @RequestParam(defaultValue = "50") int limit) {
        return Map.of("data", profiles.withTrait(caller.tenantId(), trait, value, Math.min(Math.max(limit, 1), 500)));
    }

    private static HearthProblem unknown(String customerId) {
        return new HearthProblem(ProfilesProblem.UNKNOWN_CUSTOMER, "No such customer in this tenant");
    }
}
