package io.hearth.journeys.internal;

import io.hearth.shared.CustomerId;
import io.hearth.tenancy.Principal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** In-store clienteling: the customer in front of the associate, as the digital channels see them. */
@RestController
@Tag(name = "Clienteling", description = "What a store associate sees for a customer")
class ClientelingController {

    private final Clienteling clienteling;

    ClientelingController(Clienteling clienteling) {
        this.clienteling = clienteling;
    }

    @GetMapping(path = "/v1/clienteling/customers/{customerId}", produces = "application/json")
    @Operation(
            summary = "Recent orders, open issues, recommendations, the current offer, journeys, messages and talking"
                    + " points for a customer (read)")
    Clienteling.View customer(@AuthenticationPrincipal Principal caller, @PathVariable String customerId) {
        return clienteling.view(caller.tenantId(), new CustomerId(customerId));
    }
}
