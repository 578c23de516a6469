package io.hearth.messaging.internal;

import io.hearth.messaging.VariableSource;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Namespaces whose owner (recommendations) is not wired in yet. Templates can already use it and are
 * checked against its shape at publish time; until an adapter over the owning module's facade
 * replaces the bean, it resolves to nothing, so a send that needs it fails with the variable named
 * instead of sending blanks. {@code loyalty} and {@code predictions} are served by {@link
 * LoyaltyVariables} and {@link PredictionVariables}.
 */
@Configuration(proxyBeanMethods = false)
class UnpluggedVariables {

    @Bean
    VariableSource recommendationVariables() {
        return new Unplugged(
                "recommendations",
                List.of(Map.of(
                        "product_id",
                        "sku-1",
                        "title",
                        "Sample product",
                        "url",
                        "https://shop.example/p/1",
                        "price",
                        "19.90")));
    }

    private record Unplugged(String namespace, Object sample) implements VariableSource {
        @Override
        public Optional<Object> resolve(TenantId tenant, CustomerId customer) {
            return Optional.empty();
        }
    }
}
