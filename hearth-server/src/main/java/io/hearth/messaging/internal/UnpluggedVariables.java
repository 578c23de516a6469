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
 * Namespaces whose owners (recommendations, loyalty, predictions) are not wired in yet. Templates
 * can already use them and are checked against their shape at publish time; until an adapter over
 * the owning module's facade replaces the bean, they resolve to nothing, so a send that needs them
 * fails with the variable named instead of sending blanks.
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

    @Bean
    VariableSource loyaltyVariables() {
        return new Unplugged(
                "loyalty",
                Map.of("points", 120L, "tier", "silver", "offer", Map.of("code", "WELCOME10", "title", "10% off")));
    }

    @Bean
    VariableSource predictionVariables() {
        return new Unplugged(
                "predictions", Map.of("churn_risk", 0.42, "next_order_in_days", 21L, "next_need", "coffee beans"));
    }

    private record Unplugged(String namespace, Object sample) implements VariableSource {
        @Override
        public Optional<Object> resolve(TenantId tenant, CustomerId customer) {
            return Optional.empty();
        }
    }
}
