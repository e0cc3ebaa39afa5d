package io.agentcoach.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a test application context at the real PostgreSQL the suite runs against, in a schema
 * of its own that is created empty before the context starts (Flyway then migrates it) and
 * dropped when the context closes. Contexts therefore never see each other's rows, and several
 * checkouts can run the suite against one server at the same time.
 *
 * <p>Settings (environment): {@code AGENTCOACH_TEST_DB_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}), {@code AGENTCOACH_TEST_DB_USER} (default
 * {@code postgres}), {@code AGENTCOACH_TEST_DB_PASSWORD} (default empty).
 */
public final class PostgresTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String URL = env("AGENTCOACH_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = env("AGENTCOACH_TEST_DB_USER", "postgres");
    public static final String PASSWORD = env("AGENTCOACH_TEST_DB_PASSWORD", "");

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("create schema " + schema);
        String url = URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("postgresTestDatabase", Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", USER,
                "spring.datasource.password", PASSWORD,
                // cached test contexts each keep a pool open; the shared server allows 100 clients
                "spring.datasource.hikari.minimum-idle", "1",
                "spring.datasource.hikari.maximum-pool-size", "5",
                "spring.flyway.default-schema", schema,
                "spring.flyway.schemas", schema,
                "agentcoach.test.schema", schema)));
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                execute("drop schema if exists " + schema + " cascade");
            }
        });
    }

    /** Runs one statement as the test database's administrator. */
    public static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL for tests is not usable at " + URL + " as " + USER
                    + " (start it, or set AGENTCOACH_TEST_DB_URL/_USER/_PASSWORD): " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
