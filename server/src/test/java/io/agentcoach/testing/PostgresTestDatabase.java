package io.agentcoach.testing;

import java.nio.file.Path;
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
 * dropped when the context closes; its knowledge index lives in a temporary folder of its own.
 * Contexts therefore never see each other's rows, and several
 * checkouts can run the suite against one server at the same time.
 *
 * <p>The application connects as {@link #APP_USER}, a role that is neither superuser nor has
 * BYPASSRLS, exactly as in production (docs/operations.md): it owns the schema it migrates, and
 * the forced row-level security policies bind it all the same. The administrator ({@link #USER})
 * only creates and drops schemas and that role.
 *
 * <p>Settings (environment): {@code AGENTCOACH_TEST_DB_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}), {@code AGENTCOACH_TEST_DB_USER} (default
 * {@code postgres}), {@code AGENTCOACH_TEST_DB_PASSWORD} (default empty),
 * {@code AGENTCOACH_TEST_DB_APP_USER} (default {@code agentcoach_app}),
 * {@code AGENTCOACH_TEST_DB_APP_PASSWORD} (default empty).
 */
public final class PostgresTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String URL = env("AGENTCOACH_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = env("AGENTCOACH_TEST_DB_USER", "postgres");
    public static final String PASSWORD = env("AGENTCOACH_TEST_DB_PASSWORD", "");
    public static final String APP_USER = env("AGENTCOACH_TEST_DB_APP_USER", "agentcoach_app");
    public static final String APP_PASSWORD = env("AGENTCOACH_TEST_DB_APP_PASSWORD", "");

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        createAppRole();
        execute("create schema " + schema + " authorization " + APP_USER);
        String url = URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        if (!context.getEnvironment().containsProperty("agentcoach.content.dir")) {
            context.getEnvironment().getPropertySources().addLast(new MapPropertySource("testContent",
                    Map.of("agentcoach.content.dir", "src/test/resources/content-fixture")));
        }
        // every test signs its people up and in from 127.0.0.1, many in a minute, and many send
        // invalid tokens on purpose: the per-address limits of the sign-in endpoints, of anonymous
        // requests and of failed authentication would refuse them. A test of those limits sets its
        // own, which win over these.
        context.getEnvironment().getPropertySources().addLast(new MapPropertySource("testRateLimits", Map.of(
                "agentcoach.rate-limit.sensitive", "10000/1m",
                "agentcoach.rate-limit.anonymous", "10000/1m",
                "agentcoach.rate-limit.failed-auth", "10000/1m")));
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("postgresTestDatabase", Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", APP_USER,
                "spring.datasource.password", APP_PASSWORD,
                "spring.flyway.default-schema", schema,
                "spring.flyway.schemas", schema,
                // Spring caches several contexts per test JVM: keep each one's pool small so the
                // suite stays far below PostgreSQL's max_connections
                "spring.datasource.hikari.maximum-pool-size", "6",
                "spring.datasource.hikari.minimum-idle", "1",
                "agentcoach.test.schema", schema,
                // the local search index belongs with the database it was built from
                "agentcoach.knowledge.index-dir", Path.of(System.getProperty("java.io.tmpdir"), "agentcoach-test-index", schema)
                        .toString())));
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                execute("drop schema if exists " + schema + " cascade");
            }
        });
    }

    /** The application's role: may log in, owns nothing but its schemas, never bypasses RLS. */
    private static void createAppRole() {
        String password = APP_PASSWORD.isEmpty() ? "" : " password '" + APP_PASSWORD.replace("'", "''") + "'";
        execute("do $$ begin create role " + APP_USER + " login nosuperuser nobypassrls" + password + "; "
                + "exception when duplicate_object or unique_violation then null; end $$");
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
