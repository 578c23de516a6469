package io.hearth.loyalty.internal;

import io.hearth.loyalty.OfferArm;
import io.hearth.loyalty.OfferChoice;
import io.hearth.shared.CustomerId;
import io.hearth.shared.FieldError;
import io.hearth.tenancy.Principal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The offer bandit: which offer types it chooses among, a choice for a member, and the responses. */
@RestController
@Tag(name = "Loyalty offers", description = "Offer types chosen per member by a contextual bandit, under budgets")
class OfferController {

    private final OfferChoices offers;

    OfferController(OfferChoices offers) {
        this.offers = offers;
    }

    record ArmRequest(
            @Nullable String name,
            @Nullable String kind,
            @Nullable BigDecimal value,
            @Nullable BigDecimal cost,
            @Nullable BigDecimal budget) {}

    record ArmsRequest(@Nullable List<ArmRequest> arms) {}

    record ResponseRequest(@Nullable Double reward) {}

    @PutMapping(path = "/v1/loyalty/offers/arms", produces = "application/json")
    @Operation(summary = "Set the offer types the bandit chooses among, with costs and budgets (admin)")
    Map<String, List<OfferArm>> saveArms(@AuthenticationPrincipal Principal caller, @RequestBody ArmsRequest request) {
        return Map.of("data", offers.saveArms(caller.tenantId(), arms(request)));
    }

    @GetMapping(path = "/v1/loyalty/offers/arms", produces = "application/json")
    @Operation(summary = "The offer types with what each has spent")
    Map<String, List<OfferArm>> arms(@AuthenticationPrincipal Principal caller) {
        return Map.of("data", offers.arms(caller.tenantId()));
    }

    @PostMapping(path = "/v1/loyalty/members/{customerId}/offers", produces = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Choose the offer to present to the member (Thompson sampling), logged with its reason")
    OfferChoice choose(@AuthenticationPrincipal Principal caller, @PathVariable String customerId) {
        return offers.choose(caller.tenantId(), CustomerId.of(customerId));
    }

    @PostMapping(path = "/v1/loyalty/offers/{offerId}/response", produces = "application/json")
    @Operation(summary = "Report the member's response to an offer: 1 converted, 0 declined (first one counts)")
    Map<String, Boolean> respond(
            @AuthenticationPrincipal Principal caller,
            @PathVariable UUID offerId,
            @RequestBody(required = false) @Nullable ResponseRequest request) {
        double reward = request == null || request.reward() == null ? 1.0 : request.reward();
        if (reward < 0 || reward > 1 || Double.isNaN(reward)) {
            LoyaltyRequests.refuseIfAny(
                    List.of(new FieldError("/reward", "must be between 0 and 1")), "The response is not valid");
        }
        return Map.of("recorded", offers.respond(caller.tenantId(), offerId, reward));
    }

    private static List<OfferArm> arms(ArmsRequest request) {
        List<FieldError> errors = new ArrayList<>();
        List<ArmRequest> given = request.arms() == null ? List.of() : request.arms();
        if (given.isEmpty()) {
            errors.add(new FieldError("/arms", "needs at least one offer type"));
        }
        List<OfferArm> arms = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            ArmRequest arm = given.get(i);
            String at = "/arms/" + i;
            OfferArm.Kind kind = kind(arm.kind());
            if (arm.name() == null || arm.name().isBlank() || arm.name().length() > 50) {
                errors.add(new FieldError(at + "/name", "must have 1 to 50 characters"));
            } else if (!names.add(arm.name())) {
                errors.add(new FieldError(at + "/name", "is used twice"));
            }
            if (kind == null) {
                errors.add(new FieldError(
                        at + "/kind", "must be one of DISCOUNT, FREE_SHIPPING, BONUS_POINTS, EXCLUSIVE_ACCESS"));
            }
            BigDecimal value = arm.value() == null ? BigDecimal.ZERO : arm.value();
            if (value.signum() < 0
                    || (kind == OfferArm.Kind.DISCOUNT && value.compareTo(BigDecimal.valueOf(100)) > 0)) {
                errors.add(new FieldError(at + "/value", "must be 0 to 100 for a discount and not negative otherwise"));
            }
            if (arm.cost() == null || arm.cost().signum() < 0) {
                errors.add(new FieldError(at + "/cost", "is required and not negative"));
            }
            if (arm.budget() != null && arm.budget().signum() < 0) {
                errors.add(new FieldError(at + "/budget", "must not be negative"));
            }
            if (errors.isEmpty()) {
                arms.add(new OfferArm(arm.name(), kind, value, arm.cost(), arm.budget(), BigDecimal.ZERO));
            }
        }
        LoyaltyRequests.refuseIfAny(errors, "The offer types are not valid");
        return arms;
    }

    private static OfferArm.@Nullable Kind kind(@Nullable String kind) {
        if (kind == null) {
            return null;
        }
        try {
            return OfferArm.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
