package io.hearth.predictions.internal;

import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Enters the tenant, then a transaction: the order row-level security needs. */
@Component
class InTenant {

    private final TransactionTemplate transactions;

    InTenant(TransactionTemplate transactions) {
        this.transactions = transactions;
    }

    <T> T call(TenantId tenant, Supplier<T> work) {
        return TenantContext.call(tenant, () -> transactions.execute(status -> work.get()));
    }

    void run(TenantId tenant, Runnable work) {
        call(tenant, () -> {
            work.run();
            return null;
        });
    }
}
