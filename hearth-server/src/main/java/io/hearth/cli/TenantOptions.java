package io.hearth.cli;

import io.hearth.shared.TenantId;
import io.hearth.tenancy.TenantManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code --tenant} and {@code --data-dir} options of the {@code hearth train …} commands, mixed in with
 * {@code @Mixin} so that every training command names and resolves its tenant the same way.
 */
final class TenantOptions {

    // The command this is mixed into, so that a bad --tenant is reported as that command's usage error.
    @Spec(Spec.Target.MIXEE)
    @SuppressWarnings("NullAway.Init")
    CommandSpec command;

    @Option(
            names = "--tenant",
            required = true,
            paramLabel = "<uuid|demo>",
            description = "The tenant to train; `demo` is the demo tenant.")
    @SuppressWarnings("NullAway.Init")
    String tenant;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Where the embedded database lives (default: $HEARTH_DATA_DIR or ./hearth-data).")
    @Nullable
    String dataDir;

    TenantId tenantId() {
        return tenantId(tenant, command);
    }

    /** Whether the tenant exists in the started application; when not, says so on the command's error stream. */
    boolean exists(ConfigurableApplicationContext application, TenantId tenantId) {
        if (application.getBean(TenantManagement.class).tenantExists(tenantId)) {
            return true;
        }
        command.commandLine().getErr().println("hearth: no tenant " + tenantId);
        return false;
    }

    /** Reads a {@code --tenant} value, a UUID or {@code demo}, as every command that takes one does. */
    static TenantId tenantId(String value, CommandSpec command) {
        if (value.equalsIgnoreCase("demo")) {
            return ImportOrdersCommand.DEMO_TENANT;
        }
        try {
            return TenantId.of(value);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), "--tenant must be a UUID or `demo`: " + value);
        }
    }
}
