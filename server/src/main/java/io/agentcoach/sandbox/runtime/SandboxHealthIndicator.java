package io.agentcoach.sandbox.runtime;

import io.agentcoach.sandbox.CodeRunner;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Readiness member {@code sandbox}: down, with the reason, when this node cannot run code. */
@Component("sandbox")
class SandboxHealthIndicator implements HealthIndicator {

    private final CodeRunner runner;

    SandboxHealthIndicator(CodeRunner runner) {
        this.runner = runner;
    }

    @Override
    public Health health() {
        return runner.unavailableReason()
                .map(reason -> Health.down().withDetail("reason", reason).build())
                .orElseGet(() -> Health.up().withDetail("runtimes", runner.runtimes()).build());
    }
}
