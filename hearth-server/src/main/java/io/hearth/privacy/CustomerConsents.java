package io.hearth.privacy;

import static java.util.Objects.requireNonNull;

import io.hearth.shared.CustomerId;
import java.util.List;
import java.util.Optional;

/** A customer's current consent answers, at most one per purpose and channel. */
public record CustomerConsents(CustomerId customer, List<Consent> current) {

    public CustomerConsents {
        requireNonNull(customer, "customer is null");
        current = List.copyOf(current);
    }

    /**
     * Whether the data may be used for the purpose on the channel. The rule, in order:
     *
     * <ol>
     *   <li>an answer for exactly this purpose and channel decides;
     *   <li>otherwise the purpose-level answer ({@link Channel#ANY}) decides;
     *   <li>otherwise the purpose's default: {@link Purpose#allowedWithoutConsent()}.
     * </ol>
     *
     * Asking with {@link Channel#ANY} skips the first step.
     */
    public boolean mayUse(Purpose purpose, Channel channel) {
        requireNonNull(purpose, "purpose is null");
        requireNonNull(channel, "channel is null");
        Optional<Consent> specific = find(purpose, channel);
        if (specific.isPresent()) {
            return specific.get().granted();
        }
        return find(purpose, Channel.ANY).map(Consent::granted).orElse(purpose.allowedWithoutConsent());
    }

    /** The current answer for the purpose and channel, if the customer gave one. */
    public Optional<Consent> find(Purpose purpose, Channel channel) {
        return current.stream()
                .filter(consent -> consent.purpose() == purpose && consent.channel() == channel)
                .findFirst();
    }
}
