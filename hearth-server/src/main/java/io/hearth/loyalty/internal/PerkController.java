package io.hearth.loyalty.internal;

import io.hearth.loyalty.Perk;
import io.hearth.shared.CustomerId;
import io.hearth.shared.FieldError;
import io.hearth.tenancy.Principal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Perks without a points price, matched to members' interests. */
@RestController
@Tag(name = "Loyalty perks", description = "Early access, events and recognition matched to interests")
class PerkController {

    private final Perks perks;
    private final Members members;

    PerkController(Perks perks, Members members) {
        this.perks = perks;
        this.members = members;
    }

    record PerkRequest(
            @Nullable String name,
            @Nullable String kind,
            @Nullable String interest,
            @Nullable List<String> categories,
            @Nullable Double minShare,
            @Nullable String minTier,
            @Nullable Boolean active) {}

    @PutMapping(path = "/v1/loyalty/perks/{perkId}", produces = "application/json")
    @Operation(summary = "Create or replace a perk with the interest and categories it suits (admin)")
    Perk save(
            @AuthenticationPrincipal Principal caller, @PathVariable String perkId, @RequestBody PerkRequest request) {
        List<FieldError> errors = new ArrayList<>();
        LoyaltyRequests.required(errors, "/name", request.name());
        LoyaltyRequests.required(errors, "/interest", request.interest());
        Perk.Kind kind = null;
        try {
            kind = Perk.Kind.valueOf(String.valueOf(request.kind()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("/kind", "must be one of EARLY_ACCESS, EVENT, RECOGNITION, OTHER"));
        }
        if (request.categories() == null || request.categories().isEmpty()) {
            errors.add(new FieldError("/categories", "needs at least one purchase category"));
        }
        double minShare = request.minShare() == null ? 0.2 : request.minShare();
        if (minShare <= 0 || minShare > 1) {
            errors.add(new FieldError("/minShare", "must be above 0 and at most 1"));
        }
        if (perkId.length() > 100) {
            errors.add(new FieldError("perkId", "must have at most 100 characters"));
        }
        LoyaltyRequests.refuseIfAny(errors, "The perk is not valid");
        return perks.save(
                caller.tenantId(),
                new Perk(
                        perkId,
                        request.name(),
                        kind,
                        request.interest(),
                        request.categories(),
                        minShare,
                        request.minTier(),
                        request.active() == null || request.active()));
    }

    @GetMapping(path = "/v1/loyalty/perks", produces = "application/json")
    @Operation(summary = "The perks catalogue")
    Map<String, List<Perk>> list(@AuthenticationPrincipal Principal caller) {
        return Map.of("data", perks.perks(caller.tenantId()));
    }

    @GetMapping(path = "/v1/loyalty/members/{customerId}/perks", produces = "application/json")
    @Operation(summary = "The perks the member's interests match, best first, each with its reason")
    Map<String, List<Perk.Match>> matches(@AuthenticationPrincipal Principal caller, @PathVariable String customerId) {
        CustomerId customer = CustomerId.of(customerId);
        members.requireKnown(caller.tenantId(), customer);
        return Map.of("data", perks.matches(caller.tenantId(), customer));
    }
}
