package io.hearth.console.internal;

import io.hearth.profiles.CustomerProfile;
import io.hearth.profiles.IdentifierKind;
import io.hearth.profiles.Merge;
import io.hearth.profiles.ProfileManagement;
import io.hearth.profiles.ProfilesProblem;
import io.hearth.shared.CustomerId;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.Scope;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/**
 * The customer 360 pages: search by identifier, one customer's page, its timeline pages for htmx, and
 * undoing a merge (admin keys only; the security chain refuses the others).
 */
@Controller
class CustomerController {

    private static final Logger log = LoggerFactory.getLogger(CustomerController.class);

    private final CustomerSearch search;
    private final CustomerView view;
    private final ProfileManagement profiles;

    CustomerController(CustomerSearch search, CustomerView view, ProfileManagement profiles) {
        this.search = search;
        this.view = view;
        this.profiles = profiles;
    }

    @GetMapping("/console/customers")
    String search(
            Authentication signedIn,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String kind,
            Model model) {
        ConsoleUser user = user(signedIn);
        model.addAttribute("tenant", user.tenantId());
        model.addAttribute("query", q == null ? "" : q);
        model.addAttribute("unknown", false);
        model.addAttribute("noMatch", false);
        if (q == null || q.isBlank()) {
            return "console/customers";
        }
        IdentifierKind only =
                kind == null ? null : IdentifierKind.fromCode(kind).orElse(null);
        Optional<CustomerProfile> found = search.find(user.tenantId(), q, only);
        if (found.isPresent()) {
            return redirectTo(found.get().customerId());
        }
        model.addAttribute("noMatch", true);
        return "console/customers";
    }

    @GetMapping("/console/customers/{customerId}")
    String customer(
            Authentication signedIn, @PathVariable String customerId, HttpServletResponse response, Model model) {
        ConsoleUser user = user(signedIn);
        model.addAttribute("tenant", user.tenantId());
        Optional<CustomerProfile> profile = find(user, customerId);
        if (profile.isEmpty()) {
            return unknown(response, model);
        }
        if (!profile.get().customerId().value().equals(customerId)) {
            return redirectTo(profile.get().customerId());
        }
        model.addAttribute("customer", view.page(user.tenantId(), profile.get(), isAdmin(signedIn)));
        return "console/customer";
    }

    /** The next page of the timeline, as table rows followed by a new "load more" row when there are more. */
    @GetMapping("/console/customers/{customerId}/timeline")
    String timeline(
            Authentication signedIn,
            @PathVariable String customerId,
            @RequestParam(required = false) @Nullable String cursor,
            HttpServletResponse response,
            Model model) {
        ConsoleUser user = user(signedIn);
        Optional<CustomerProfile> profile = find(user, customerId);
        if (profile.isEmpty()) {
            return unknown(response, model);
        }
        CustomerId customer = profile.get().customerId();
        model.addAttribute("customerId", customer.value());
        model.addAttribute("timeline", view.timeline(user.tenantId(), customer, cursor));
        return "console/customer :: timeline-rows";
    }

    @PostMapping("/console/customers/{customerId}/unmerge")
    String unmerge(Authentication signedIn, @PathVariable String customerId) {
        ConsoleUser user = user(signedIn);
        if (customerId.isBlank()) {
            return "redirect:/console/customers";
        }
        CustomerId absorbed = CustomerId.of(customerId);
        try {
            Merge undone = profiles.unmerge(user.tenantId(), absorbed, "console:api-key:" + user.keyId());
            log.info("Console key {} undid merge {}", user.keyId(), undone.mergeId());
            return redirectTo(undone.survivor());
        } catch (HearthProblem problem) {
            if (problem.type() != ProfilesProblem.NOT_MERGED && problem.type() != ProfilesProblem.UNKNOWN_CUSTOMER) {
                throw problem;
            }
            // Undone meanwhile (another tab) or not this shop's: the page shows which.
            return redirectTo(absorbed);
        }
    }

    private Optional<CustomerProfile> find(ConsoleUser user, String customerId) {
        if (customerId.isBlank()) {
            return Optional.empty();
        }
        return view.profile(user.tenantId(), CustomerId.of(customerId));
    }

    private static String unknown(HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("query", "");
        model.addAttribute("unknown", true);
        model.addAttribute("noMatch", false);
        return "console/customers";
    }

    private static String redirectTo(CustomerId customer) {
        return "redirect:/console/customers/" + UriUtils.encodePathSegment(customer.value(), "UTF-8");
    }

    private static ConsoleUser user(Authentication signedIn) {
        return (ConsoleUser) signedIn.getPrincipal();
    }

    private static boolean isAdmin(Authentication signedIn) {
        return signedIn.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(Scope.ADMIN.authority()::equals);
    }
}
