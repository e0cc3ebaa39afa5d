package io.agentcoach.sandbox.runtime;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.agentcoach.platform.Problems;
import jakarta.annotation.PreDestroy;
import io.agentcoach.sandbox.CodeRunner;
import io.agentcoach.sandbox.Limits;
import io.agentcoach.sandbox.RunRequest;
import io.agentcoach.sandbox.RunResult;
import io.agentcoach.sandbox.SandboxSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * The node's sandbox: at most {@code concurrency} runs at once and {@code queueCapacity} waiting;
 * beyond that callers are refused at once rather than queued without bound.
 * Metrics: {@code agentcoach.sandbox.queue.depth}, {@code agentcoach.sandbox.runs.active},
 * {@code agentcoach.sandbox.run.duration} (tagged by runtime and status),
 * {@code agentcoach.sandbox.runs.rejected} and {@code agentcoach.sandbox.boxes.ready}.
 */
@Component
class QueuedCodeRunner implements CodeRunner {

    private static final Logger log = LoggerFactory.getLogger(QueuedCodeRunner.class);
    private static final int RETRY_AFTER_SECONDS = 2;

    private final Sandbox sandbox;
    private final SandboxSettings settings;
    private final Semaphore slots;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger active = new AtomicInteger();
    private final MeterRegistry meters;
    private final Counter rejected;

    QueuedCodeRunner(SandboxSettings settings, MeterRegistry meters) {
        this.settings = settings;
        this.meters = meters;
        this.sandbox = Sandbox.start(settings);
        this.slots = new Semaphore(settings.effectiveConcurrency(), true);
        sandbox.unavailableReason().ifPresentOrElse(
                reason -> log.warn("Sandbox unavailable: {}", reason),
                () -> log.info("Sandbox ready: bubblewrap with cgroup {}, {} runs at once, {} may wait",
                        sandbox.runner().orElseThrow().cgroupVersion(), settings.effectiveConcurrency(),
                        settings.queueCapacity()));
        Gauge.builder("agentcoach.sandbox.queue.depth", waiting, AtomicInteger::get)
                .description("Sandbox runs waiting for a slot").register(meters);
        Gauge.builder("agentcoach.sandbox.runs.active", active, AtomicInteger::get)
                .description("Sandbox runs going on").register(meters);
        sandbox.runner().ifPresent(runner -> Gauge.builder("agentcoach.sandbox.boxes.ready", runner,
                BubblewrapRunner::readyBoxes).description("Sandbox boxes started and waiting for a run").register(meters));
        this.rejected = Counter.builder("agentcoach.sandbox.runs.rejected")
                .description("Sandbox runs refused because the queue was full").register(meters);
    }

    @Override
    public RunResult run(RunRequest request) {
        return run(request, null);
    }

    @Override
    public RunResult run(RunRequest request, Consumer<String> channelLines) {
        BubblewrapRunner runner = sandbox.runner().orElseThrow(() -> Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
                "unavailable", "Sandbox unavailable",
                "Code cannot be run on this server: " + sandbox.unavailableReason().orElseThrow() + "."));
        if (!runner.supports(request.runtime())) {
            throw Problems.badRequest("The language " + request.runtime() + " is not installed; available: "
                    + runner.runtimes() + ".");
        }
        acquire();
        active.incrementAndGet();
        Timer.Sample sample = Timer.start(meters);
        String status = "failed";
        try {
            RunResult result = runner.run(request, channelLines);
            status = result.outcome().status();
            return result;
        } catch (IOException e) {
            log.error("Sandbox run failed", e);
            throw Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Sandbox unavailable",
                    "The sandbox could not run this code; try again shortly.");
        } finally {
            sample.stop(Timer.builder("agentcoach.sandbox.run.duration").description("Sandbox run time")
                    .tags("runtime", request.runtime(), "status", status).publishPercentileHistogram()
                    .register(meters));
            active.decrementAndGet();
            slots.release();
        }
    }

    private void acquire() {
        if (slots.tryAcquire()) {
            return;
        }
        if (waiting.incrementAndGet() > settings.queueCapacity()) {
            waiting.decrementAndGet();
            rejected.increment();
            throw busy();
        }
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        } finally {
            waiting.decrementAndGet();
        }
    }

    private static ErrorResponseException busy() {
        ErrorResponseException busy = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "sandbox-busy", "Sandbox busy",
                "Too many runs are waiting on this server; try again in " + RETRY_AFTER_SECONDS + " seconds.",
                Map.of("retryAfterSeconds", RETRY_AFTER_SECONDS));
        busy.getHeaders().set("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        return busy;
    }

    /** Ends the boxes waiting for runs when the node stops. */
    @PreDestroy
    void close() {
        sandbox.runner().ifPresent(BubblewrapRunner::close);
    }

    @Override
    public Optional<String> unavailableReason() {
        return sandbox.unavailableReason();
    }

    @Override
    public Set<String> runtimes() {
        return sandbox.runner().map(BubblewrapRunner::runtimes).orElse(Set.of());
    }

    @Override
    public Limits defaultLimits() {
        return settings.limits();
    }
}
