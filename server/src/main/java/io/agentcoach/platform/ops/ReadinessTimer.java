package io.agentcoach.platform.ops;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Measures the time from JVM process start to the first moment the node accepts traffic, prints
 * it once and exposes it as {@code agentcoach.startup.ready} (seconds). bench/startup reads the
 * printed line.
 */
@Component
class ReadinessTimer {

    private static final Logger log = LoggerFactory.getLogger(ReadinessTimer.class);

    private final AtomicLong readyMillis = new AtomicLong(-1);

    ReadinessTimer(MeterRegistry meters) {
        Gauge.builder("agentcoach.startup.ready", readyMillis, v -> v.get() < 0 ? Double.NaN : v.get() / 1000.0)
                .description("Seconds from process start to readiness")
                .baseUnit("seconds")
                .register(meters);
    }

    @EventListener
    void onReadiness(AvailabilityChangeEvent<ReadinessState> event) {
        if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC && readyMillis.get() < 0) {
            long elapsed = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            readyMillis.set(elapsed);
            log.info("AgentCoach ready in {} ms from process start", Duration.ofMillis(elapsed).toMillis());
        }
    }
}
