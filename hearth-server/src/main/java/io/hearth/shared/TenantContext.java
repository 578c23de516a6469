package io.hearth.shared;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;

/**
 * The tenant the current thread works for. The database connection layer reads it to set the
 * row-level-security variable, so code that runs outside a request (jobs, listeners, the CLI) must
 * enter a tenant explicitly with {@link #call} or {@link #run}.
 */
public final class TenantContext {

    private static final ThreadLocal<@Nullable TenantId> CURRENT = new ThreadLocal<>();

    private TenantContext() {}

    public static Optional<TenantId> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static TenantId require() {
        return current().orElseThrow(() -> new IllegalStateException("no tenant in context"));
    }

    public static <T> T call(TenantId tenant, Callable<T> work) {
        TenantId previous = CURRENT.get();
        CURRENT.set(tenant);
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            restore(previous);
        }
    }

    public static void run(TenantId tenant, Runnable work) {
        call(tenant, () -> {
            work.run();
            return null;
        });
    }

    private static void restore(@Nullable TenantId previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }
}
