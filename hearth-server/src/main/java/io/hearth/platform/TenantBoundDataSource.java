package io.hearth.platform;

import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Hands out connections bound to the tenant of the current thread: PostgreSQL's row-level-security
 * policies read {@code hearth.tenant_id}, so a connection taken without a tenant sees no tenant rows.
 */
final class TenantBoundDataSource extends DelegatingDataSource {

    static final String TENANT_SETTING = "hearth.tenant_id";

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

    private static Connection bind(Connection connection) throws SQLException {
        String tenant = TenantContext.current().map(TenantId::toString).orElse("");
        try (PreparedStatement statement = connection.prepareStatement("select set_config(?, ?, false)")) {
            statement.setString(1, TENANT_SETTING);
            statement.setString(2, tenant);
            statement.execute();
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }
}
