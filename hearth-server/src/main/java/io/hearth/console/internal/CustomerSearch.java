package io.hearth.console.internal;

import io.hearth.profiles.CustomerProfile;
import io.hearth.profiles.IdentifierKind;
import io.hearth.profiles.ProfileManagement;
import io.hearth.shared.TenantId;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Finds a customer from what staff type into the search box: an email, a user id, an anonymous id, a
 * loyalty number or a phone number. The kinds are tried in that order (an email first only when the
 * text looks like one), and the first profile found wins.
 */
@Component
class CustomerSearch {

    static final int MAX_LENGTH = 320;

    private static final List<IdentifierKind> ORDER = List.of(
            IdentifierKind.EMAIL,
            IdentifierKind.USER_ID,
            IdentifierKind.ANONYMOUS_ID,
            IdentifierKind.LOYALTY_NUMBER,
            IdentifierKind.PHONE);

    private final ProfileManagement profiles;

    CustomerSearch(ProfileManagement profiles) {
        this.profiles = profiles;
    }

    /** The profile the text identifies; with a kind, only that kind is tried. */
    Optional<CustomerProfile> find(TenantId tenant, String text, @Nullable IdentifierKind kind) {
        String typed = text.strip();
        if (typed.isEmpty() || typed.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        List<IdentifierKind> kinds = kind == null ? ORDER : List.of(kind);
        for (IdentifierKind candidate : kinds) {
            if (candidate == IdentifierKind.EMAIL && typed.indexOf('@') < 1) {
                continue;
            }
            Optional<CustomerProfile> found = profiles.lookup(tenant, candidate, typed);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
