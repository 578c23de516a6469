package io.hearth.messaging.internal;

import io.hearth.messaging.VariableSource;
import io.hearth.profiles.CustomerOrder;
import io.hearth.profiles.ProfileManagement;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@code order}: the customer's newest order. Missing for a customer without orders. */
@Component
class OrderVariables implements VariableSource {

    private final ProfileManagement profiles;

    OrderVariables(ProfileManagement profiles) {
        this.profiles = profiles;
    }

    @Override
    public String namespace() {
        return "order";
    }

    @Override
    public Object sample() {
        return Map.of("id", "1001", "status", "delivered", "total", "42.50", "currency", "EUR");
    }

    @Override
    public Optional<Object> resolve(TenantId tenant, CustomerId customer) {
        return profiles.orders(tenant, customer).stream().findFirst().map(OrderVariables::variables);
    }

    private static Map<String, Object> variables(CustomerOrder order) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("id", order.orderId());
        variables.put("status", order.status().name().toLowerCase(java.util.Locale.ROOT));
        variables.put("total", order.total() == null ? "" : order.total().toPlainString());
        variables.put("currency", order.currency() == null ? "" : order.currency());
        return variables;
    }
}
