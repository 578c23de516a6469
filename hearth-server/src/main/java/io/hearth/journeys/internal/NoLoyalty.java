package io.hearth.journeys.internal;

import io.hearth.journeys.LoyaltyPort;
import io.hearth.journeys.SendTimePort;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ports' adapters until their modules land: no loyalty (award and voucher steps are logged as
 * {@code not-plugged}) and no learned send time (waits use the configured send hour). A bean of the
 * port type declared elsewhere replaces each.
 */
@Configuration(proxyBeanMethods = false)
class NoLoyalty {

    @Bean
    @ConditionalOnMissingBean
    LoyaltyPort unpluggedLoyalty() {
        return new LoyaltyPort() {
            @Override
            public boolean awardPoints(TenantId tenant, CustomerId customer, long points, String reason, String key) {
                return false;
            }

            @Override
            public Optional<String> issueVoucher(
                    TenantId tenant, CustomerId customer, Optional<String> offer, String key) {
                return Optional.empty();
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean
    SendTimePort configuredSendHour() {
        return (tenant, customer) -> Optional.empty();
    }
}
