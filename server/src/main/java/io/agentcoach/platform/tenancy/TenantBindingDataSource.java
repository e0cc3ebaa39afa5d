package io.agentcoach.platform.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.agentcoach.platform.Tenants;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Tells PostgreSQL, on every connection taken from the pool, which tenant the thread works for:
 * {@code app.organization_id} (empty when none) and {@code app.all_tenants} ({@code on} only for
 * {@link Tenants#callAsSystem}). Row-level security policies read both. The settings are written
 * on every checkout, so a pooled connection never carries one request's tenant into the next; a
 * transaction takes its connection once, at its start, and keeps that tenant throughout.
 */
final class TenantBindingDataSource extends DelegatingDataSource {

    private static final String BIND = "select set_config('app.organization_id', ?, false), "
            + "set_config('app.all_tenants', ?, false)";

    TenantBindingDataSource(DataSource target) {
        super(target);
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
        try (PreparedStatement statement = connection.prepareStatement(BIND)) {
            statement.setString(1, Tenants.current().map(Object::toString).orElse(""));
            statement.setString(2, Tenants.isSystem() ? "on" : "off");
            statement.execute();
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }
}
