package io.agentcoach.knowledge.runtime;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code knowledge} in the readiness group: OUT_OF_SERVICE until this node's index has caught up
 * with the database, DOWN if building it failed.
 */
@Component("knowledge")
class KnowledgeHealthIndicator implements HealthIndicator {

    private final KnowledgeIndex index;

    KnowledgeHealthIndicator(KnowledgeIndex index) {
        this.index = index;
    }

    @Override
    public Health health() {
        if (index.ready()) {
            return Health.up().build();
        }
        String failure = index.failure();
        return failure == null ? Health.outOfService().withDetail("index", "catching up").build()
                : Health.down().withDetail("index", failure).build();
    }
}
