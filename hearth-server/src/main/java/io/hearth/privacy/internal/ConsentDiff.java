package io.hearth.privacy.internal;

import io.hearth.privacy.Channel;
import io.hearth.privacy.Consent;
import io.hearth.privacy.ConsentChanged;
import io.hearth.privacy.CustomerConsents;
import io.hearth.privacy.Purpose;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a customer's answers in force went through: the {@link ConsentChanged} events to announce. */
final class ConsentDiff {

    private ConsentDiff() {}

    /**
     * An answer given for the first time or turned around is announced as it is now; an answer that went
     * away (a merge undone) is announced as what {@link CustomerConsents#mayUse} falls back to, when that
     * differs from the answer it replaces.
     */
    static List<ConsentChanged> changes(
            TenantId tenant, CustomerId customer, Map<Key, Consent> before, Map<Key, Consent> after) {
        CustomerConsents now = new CustomerConsents(customer, List.copyOf(after.values()));
        Set<Key> slots = new LinkedHashSet<>(before.keySet());
        slots.addAll(after.keySet());
        List<ConsentChanged> changes = new ArrayList<>();
        for (Key slot : slots.stream().sorted(ORDER).toList()) {
            Consent previous = before.get(slot);
            Consent current = after.get(slot);
            boolean granted = current != null ? current.granted() : now.mayUse(slot.purpose(), slot.channel());
            if (previous == null || previous.granted() != granted) {
                changes.add(new ConsentChanged(tenant, customer, slot.purpose(), slot.channel(), granted));
            }
        }
        return changes;
    }

    private static final Comparator<Key> ORDER =
            Comparator.comparing(Key::purpose).thenComparing(Key::channel);

    /** Which answer of a customer: a purpose on a channel. */
    record Key(Purpose purpose, Channel channel) {
        static Key of(Consent consent) {
            return new Key(consent.purpose(), consent.channel());
        }
    }
}
