package io.hearth.recommendations.internal;

import io.hearth.privacy.ConsentChanged;
import io.hearth.profiles.CustomerUpdated;
import io.hearth.profiles.CustomersMerged;
import io.hearth.profiles.CustomersUnmerged;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Evicts what {@link ShopperDirectory} remembers of a customer as soon as the change commits, on the
 * committing thread, so the very next slate sees a withdrawn consent or a new identity. Redelivery
 * only evicts again.
 */
@Component
class ShopperDirectoryListener {

    private final ShopperDirectory directory;

    ShopperDirectoryListener(ShopperDirectory directory) {
        this.directory = directory;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ConsentChanged changed) {
        directory.evictConsents(changed.tenant(), changed.customer());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CustomerUpdated updated) {
        updated.customers().forEach(customer -> directory.evict(updated.tenantId(), customer));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CustomersMerged merged) {
        directory.evict(merged.tenantId(), merged.survivor());
        directory.evict(merged.tenantId(), merged.absorbed());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CustomersUnmerged unmerged) {
        directory.evict(unmerged.tenantId(), unmerged.survivor());
        directory.evict(unmerged.tenantId(), unmerged.restored());
    }
}
