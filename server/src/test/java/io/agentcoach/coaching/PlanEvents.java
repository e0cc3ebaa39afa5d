package io.agentcoach.coaching;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;

/**
 * Records every {@link PlanCreated}, whichever thread published it (plans are written on request
 * threads, which {@code @RecordApplicationEvents} does not see).
 */
@TestConfiguration(proxyBeanMethods = false)
public class PlanEvents {

    private final List<PlanCreated> published = new CopyOnWriteArrayList<>();

    @EventListener
    void on(PlanCreated event) {
        published.add(event);
    }

    /** The plans created for {@code userId}, in order. */
    public List<PlanCreated> of(UUID userId) {
        return published.stream().filter(e -> e.userId().equals(userId)).toList();
    }
}
