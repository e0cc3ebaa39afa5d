package io.agentcoach.platform;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The organization (tenant) the current thread works for. On PostgreSQL every connection taken
 * from the pool is told this tenant ({@code app.organization_id}), and row-level security lets it
 * see and write only that tenant's rows. Requests are bound by identity once the caller is known;
 * code that must look across tenants (finding the account behind a login or an API key, a platform
 * admin's request) says so explicitly with {@link #callAsSystem}.
 */
public final class Tenants {

    private static final ThreadLocal<Binding> CURRENT = new ThreadLocal<>();

    private Tenants() {
    }

    /** Runs {@code work} bound to {@code organizationId}. */
    public static <T> T callAs(UUID organizationId, Supplier<T> work) {
        return call(new Binding(organizationId, false), work);
    }

    /** Runs {@code work} across all tenants; for lookups that precede knowing the tenant. */
    public static <T> T callAsSystem(Supplier<T> work) {
        return call(new Binding(null, true), work);
    }

    /** Runs {@code work} bound to {@code organizationId}. */
    public static void runAs(UUID organizationId, Runnable work) {
        callAs(organizationId, () -> {
            work.run();
            return null;
        });
    }

    /** Runs {@code work} across all tenants. */
    public static void runAsSystem(Runnable work) {
        callAsSystem(() -> {
            work.run();
            return null;
        });
    }

    /** The bound tenant, if any. */
    public static Optional<UUID> current() {
        Binding binding = CURRENT.get();
        return binding == null ? Optional.empty() : Optional.ofNullable(binding.organizationId());
    }

    /** Whether the thread works across all tenants. */
    public static boolean isSystem() {
        Binding binding = CURRENT.get();
        return binding != null && binding.system();
    }

    private static <T> T call(Binding binding, Supplier<T> work) {
        Binding previous = CURRENT.get();
        CURRENT.set(binding);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    private record Binding(UUID organizationId, boolean system) {
    }
}
