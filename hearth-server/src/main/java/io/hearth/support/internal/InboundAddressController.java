package io.hearth.support.internal;

import io.hearth.shared.FieldError;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.TenantId;
import io.hearth.support.SupportProblem;
import io.hearth.tenancy.Principal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The addresses whose mail, received over SMTP ({@code hearth.support.smtp}), belongs to the shop
 * (admin). The shop's IMAP mailbox address counts without being listed here.
 */
@RestController
@Tag(name = "Support administration", description = "Intent training, knowledge-base articles, support policy")
class InboundAddressController {

    private static final String PATH = "/v1/support/admin/inbound-addresses";

    private final InboundAddresses addresses;
    private final ConversationService conversations;
    private final Clock clock;

    InboundAddressController(InboundAddresses addresses, ConversationService conversations, Clock clock) {
        this.addresses = addresses;
        this.conversations = conversations;
        this.clock = clock;
    }

    record AddressList(List<InboundAddresses.Address> addresses) {}

    @GetMapping(path = PATH, produces = "application/json")
    @Operation(summary = "The addresses the shop receives support mail at over SMTP")
    AddressList list(@AuthenticationPrincipal Principal caller) {
        TenantId tenant = caller.tenantId();
        return new AddressList(conversations.inTenant(tenant, () -> addresses.list(tenant)));
    }

    @PutMapping(path = PATH + "/{address}", produces = "application/json")
    @Operation(summary = "Receive support mail sent to this address over SMTP (201 when new, 200 when kept)")
    ResponseEntity<InboundAddresses.Address> put(
            @AuthenticationPrincipal Principal caller, @PathVariable("address") String address) {
        String checked = check(address);
        TenantId tenant = caller.tenantId();
        // another shop's mailbox address is its mail already (without being listed): taking it over
        // here would divert that shop's mail, so it is as taken as a listed one
        if (addresses.tenantOf(checked).filter(owner -> !owner.equals(tenant)).isPresent()) {
            throw taken();
        }
        boolean added;
        try {
            added = conversations.inTenant(tenant, () -> addresses.add(tenant, checked, clock.instant()));
        } catch (DuplicateKeyException raced) {
            throw taken();
        }
        InboundAddresses.Address stored = conversations
                .inTenant(tenant, () -> addresses.find(tenant, checked))
                .orElseThrow();
        return ResponseEntity.status(added ? HttpStatus.CREATED : HttpStatus.OK).body(stored);
    }

    @GetMapping(path = PATH + "/{address}", produces = "application/json")
    @Operation(summary = "One inbound address")
    InboundAddresses.Address get(@AuthenticationPrincipal Principal caller, @PathVariable("address") String address) {
        TenantId tenant = caller.tenantId();
        return conversations
                .inTenant(tenant, () -> addresses.find(tenant, address))
                .orElseThrow(InboundAddressController::unknown);
    }

    @DeleteMapping(path = PATH + "/{address}")
    @Operation(summary = "Stop receiving mail sent to this address (senders then hear 550)")
    ResponseEntity<Void> delete(@AuthenticationPrincipal Principal caller, @PathVariable("address") String address) {
        TenantId tenant = caller.tenantId();
        if (!conversations.inTenant(tenant, () -> addresses.remove(tenant, address))) {
            throw unknown();
        }
        return ResponseEntity.noContent().build();
    }

    /** A bare address (no display name, no group), lower-cased as it is stored and looked up. */
    static String check(String address) {
        String normalized = InboundAddresses.normalized(address);
        try {
            InternetAddress parsed = new InternetAddress(normalized, true);
            parsed.validate();
            if (!parsed.getAddress().equals(normalized) || normalized.length() > 254 || !normalized.contains("@")) {
                throw new AddressException("not a bare address");
            }
            return normalized;
        } catch (AddressException e) {
            throw new HearthProblem(
                    SupportProblem.INVALID_INBOUND_ADDRESS,
                    "the inbound address is not valid",
                    List.of(new FieldError("/address", "must be an email address such as support@shop.example")));
        }
    }

    private static HearthProblem taken() {
        return new HearthProblem(
                SupportProblem.INBOUND_ADDRESS_TAKEN,
                "another shop receives mail at this address",
                List.of(new FieldError("/address", "is another shop's inbound or mailbox address")));
    }

    /** The detail does not repeat the address: a problem echoes nothing of what was asked. */
    private static HearthProblem unknown() {
        return new HearthProblem(SupportProblem.NO_INBOUND_ADDRESS, "the shop receives no mail at this address");
    }
}
