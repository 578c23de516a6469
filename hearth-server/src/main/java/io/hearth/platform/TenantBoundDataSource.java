package io.hearth.platform;

import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Hands out connections bound to the tenant of the current thread: PostgreSQL's row-level-security
 * policies read {@code hearth.tenant_id}, so a connection taken without a tenant sees no tenant rows.
 */
final class TenantBoundDataSource extends DelegatingDataSource {

    static final String TENANT_SETTING = "hearth.tenant_id";

    /**
     * The tenant each pooled connection was last bound to: only this class sets the variable, so a
     * connection handed out again for the same tenant needs no round trip.
     */
    private final Map<Connection, String> lastTenant = Collections.synchronizedMap(new WeakHashMap<>());

    TenantBoundDataSource(DataSource pool) {
        super(pool);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return bind(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return bind(super.getConnection(username, password));
    }

    private Connection bind(Connection connection) throws SQLException {
        String tenant = TenantContext.current().map(TenantId::toString).orElse("");
        Connection physical = connection.unwrap(Connection.class);
        if (tenant.equals(lastTenant.get(physical))) {
            return connection;
        }
        try (PreparedStatement statement = connection.prepareStatement("select set_config(?, ?, false)")) {
            statement.setString(1, TENANT_SETTING);
            statement.setString(2, tenant);
            statement.execute();
            lastTenant.put(physical, tenant);
        } catch (SQLException e) {
            lastTenant.remove(physical);
            connection.close();
            throw e;
        }
        return connection;
    }
}
