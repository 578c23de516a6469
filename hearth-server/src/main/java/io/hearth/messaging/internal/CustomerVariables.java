package io.hearth.messaging.internal;

import io.hearth.messaging.VariableSource;
import io.hearth.profiles.ComputedAttributes;
import io.hearth.profiles.CustomerProfile;
import io.hearth.profiles.Identifier;
import io.hearth.profiles.IdentifierKind;
import io.hearth.profiles.ProfileManagement;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code customer}: the profile's names, email, locale, every trait under {@code traits}, and the
 * computed order figures. Fields the profile lacks are empty text, so {@code | default: "there"}
 * works; a trait the profile lacks is missing (use the template's declared variables for those).
 */
@Component
class CustomerVariables implements VariableSource {

    private final ProfileManagement profiles;

    CustomerVariables(ProfileManagement profiles) {
        this.profiles = profiles;
    }

    @Override
    public String namespace() {
        return "customer";
    }

    @Override
    public Object sample() {
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("id", "sample-customer");
        customer.put("first_name", "Ada");
        customer.put("last_name", "Lovelace");
        customer.put("email", "ada@example.com");
        customer.put("locale", "en");
        customer.put("orders_count", 3L);
        customer.put("revenue", "120.00");
        customer.put("currency", "EUR");
        customer.put("days_since_last_order", 12L);
        customer.put("top_categories", List.of("coffee"));
        customer.put("traits", Map.of());
        return customer;
    }

    @Override
    public Optional<Object> resolve(TenantId tenant, CustomerId id) {
        return profiles.profile(tenant, id).map(CustomerVariables::variables);
    }

    static Map<String, Object> variables(CustomerProfile profile) {
        Map<String, Object> traits = profile.traits();
        ComputedAttributes computed = profile.computed();
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("id", profile.customerId().value());
        customer.put("first_name", text(traits.get("firstName"), traits.get("first_name")));
        customer.put("last_name", text(traits.get("lastName"), traits.get("last_name")));
        customer.put("email", email(profile).orElse(""));
        customer.put("locale", text(traits.get("locale"), null));
        customer.put("orders_count", computed.ordersCount());
        customer.put("revenue", computed.revenue().toPlainString());
        customer.put("currency", computed.currency() == null ? "" : computed.currency());
        customer.put(
                "days_since_last_order", computed.daysSinceLastOrder() == null ? -1L : computed.daysSinceLastOrder());
        customer.put("top_categories", computed.topCategories());
        customer.put("traits", traits);
        return customer;
    }

    /** The address mail goes to: the email trait first, else the profile's newest email identifier. */
    static Optional<String> email(CustomerProfile profile) {
        if (profile.traits().get("email") instanceof String email && !email.isBlank()) {
            return Optional.of(email);
        }
        return profile.identifiers().stream()
                .filter(identifier -> identifier.kind() == IdentifierKind.EMAIL)
                .map(Identifier::value)
                .reduce((first, second) -> second);
    }

    private static String text(Object first, Object second) {
        Object value = first != null ? first : second;
        return value == null ? "" : value.toString();
    }
}
