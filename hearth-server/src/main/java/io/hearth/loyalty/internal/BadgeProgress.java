package io.hearth.loyalty.internal;

import io.hearth.loyalty.Badge;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.util.List;
import org.springframework.stereotype.Service;

/** A member's badges as the facade reads them (earning happens on paid orders only). */
@Service
public class BadgeProgress {

    private final Badges badges;

    BadgeProgress(Badges badges) {
        this.badges = badges;
    }

    public List<Badge.Progress> of(TenantId tenant, CustomerId customer) {
        return badges.progress(tenant, customer, false);
    }
}
