package io.agentcoach.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.agentcoach.platform.Tenants;
import io.agentcoach.sandbox.CodeRunner;
import io.agentcoach.sandbox.GradingRequest;
import io.agentcoach.sandbox.TestGrader;
import io.agentcoach.sandbox.TestSuite;
import io.agentcoach.testing.Http;
import io.agentcoach.testing.IntegrationTest;
import io.agentcoach.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Submit-to-verdict latency through the API, alone and with 20 concurrent submitters, beside the
 * same grading called directly (the baseline). The verdict is awaited on the WebSocket
 * ({@code bench.via=websocket}, the default: subscribe right after the POST, stop at the result
 * frame) or by polling GET every 5 ms ({@code bench.via=poll}, as the first measurements did; the
 * polling itself loads the server). Run by {@code bench/practice-grading}; its class name keeps it
 * out of the normal test run. It checks correctness (nothing lost, nothing graded twice), never timing.
 */
@IntegrationTest(properties = "spring.datasource.hikari.maximum-pool-size=5")
@Import(PracticeIntegrationTests.GradedEvents.class)
class PracticeGradingBenchmark {

    private static final String CORRECT = PracticeIntegrationTests.CORRECT;

    @LocalServerPort
    int port;

    @Autowired
    PracticeIntegrationTests.GradedEvents users;

    @Autowired
    TestGrader grader;

    @Autowired
    CodeRunner runner;

    @Autowired
    JdbcClient jdbc;

    @Test
    void measure() throws Exception {
        TestUsers people = new TestUsers(new Http(port), jdbc);
        TestUsers.SignedIn learner = people.learner();
        int sequential = Integer.getInteger("bench.sequential", 30);
        int submitters = Integer.getInteger("bench.submitters", 20);
        int perSubmitter = Integer.getInteger("bench.per-submitter", 5);

        List<Double> direct = new ArrayList<>();
        for (int i = 0; i < sequential + 3; i++) {
            long t0 = System.nanoTime();
            grader.grade(new GradingRequest(CORRECT, Map.of(), List.of(new TestSuite("public", "from solution import add\n"
                    + "def test_adds_small_numbers():\n    assert add(2, 3) == 5\n")), Duration.ofSeconds(2),
                    runner.defaultLimits()));
            if (i >= 3) {
                direct.add(ms(t0));
            }
        }

        List<Double> alone = new ArrayList<>();
        for (int i = 0; i < sequential + 3; i++) {
            double latency = submitAndAwait(learner);
            if (i >= 3) {
                alone.add(latency);
            }
        }

        List<Double> loaded = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> all = new ArrayList<>();
            for (int s = 0; s < submitters; s++) {
                TestUsers.SignedIn user = people.learner();
                all.add(pool.submit(() -> {
                    for (int i = 0; i < perSubmitter; i++) {
                        loaded.add(submitAndAwait(user));
                    }
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
        }
        double seconds = ms(start) / 1000;
        int total = submitters * perSubmitter;
        int rows = Tenants.callAsSystem(() -> jdbc.sql("select count(*) from practice_submissions where status = 'graded'")
                .query(Integer.class).single());
        assertThat(loaded).hasSize(total);
        assertThat(rows).isEqualTo(sequential + 3 + total);
        assertThat(users.graded.stream().map(SubmissionGraded::submissionId).distinct().count())
                .isEqualTo(users.graded.size());

        List<Double> serverSide = Tenants.callAsSystem(() -> jdbc.sql("select extract(epoch from (graded_at - submitted_at))"
                + " * 1000 from practice_submissions where status = 'graded' order by submitted_at limit ?")
                .param(sequential + 3).query(Double.class).list()).subList(3, sequential + 3);
        if (!posts.isEmpty()) {
            List<Double> alonePosts = posts.subList(3, sequential + 3);
            System.out.printf("BENCH one submitter, POST of the submission answered: p50=%.1f ms%n", pct(alonePosts, 0.5));
        }
        System.out.printf("BENCH one submitter, stored submitted_at to graded_at (server side): p50=%.1f ms p95=%.1f ms%n",
                pct(serverSide, 0.5), pct(serverSide, 0.95));
        System.out.printf("BENCH verdict awaited via %s; load average at the end %s%n", VIA_SOCKET ? "websocket" : "poll",
                java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip());
        System.out.printf("BENCH direct grading (same-run baseline): p50=%.1f ms p95=%.1f ms (n=%d)%n",
                pct(direct, 0.5), pct(direct, 0.95), direct.size());
        System.out.printf("BENCH submit-to-verdict, one submitter: p50=%.1f ms p95=%.1f ms (n=%d), ratio to direct p50=%.2f%n",
                pct(alone, 0.5), pct(alone, 0.95), alone.size(), pct(alone, 0.5) / pct(direct, 0.5));
        System.out.printf("BENCH submit-to-verdict, %d concurrent submitters: p50=%.1f ms p95=%.1f ms, %d submissions in %.1f s"
                + " (%.1f/s), lost=0, graded twice=0%n", submitters, pct(loaded, 0.5), pct(loaded, 0.95), total, seconds,
                total / seconds);
    }

    private final List<Double> posts = Collections.synchronizedList(new ArrayList<>());

    private static final boolean VIA_SOCKET = !"poll".equals(System.getProperty("bench.via", "websocket"));

    private double submitAndAwait(TestUsers.SignedIn user) throws InterruptedException {
        String attemptId = PracticeIntegrationTests.startAttempt(user, "add-numbers");
        if (VIA_SOCKET) {
            BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", user.bearer())
                    .buildAsync(URI.create("ws://localhost:" + port + "/ws/practice"),
                            new PracticeWebSocketIntegrationTests.Collector(frames)).join();
            try {
                long t0 = System.nanoTime();
                String id = PracticeIntegrationTests.submit(user, attemptId, UUID.randomUUID().toString(), CORRECT)
                        .json().get("id").asString();
                posts.add(ms(t0));
                socket.sendText("{\"type\":\"subscribe\",\"submissionId\":\"" + id + "\"}", true).join();
                while (true) {
                    JsonNode frame = frames.poll(60, TimeUnit.SECONDS);
                    assertThat(frame).as("a frame within 60 s").isNotNull();
                    if (frame.get("type").asString().equals("result")) {
                        double latency = ms(t0);
                        assertThat(frame.get("submission").get("verdict").get("passed").asBoolean()).isTrue();
                        return latency;
                    }
                }
            } finally {
                socket.abort();
            }
        }
        long t0 = System.nanoTime();
        String id = PracticeIntegrationTests.submit(user, attemptId, UUID.randomUUID().toString(), CORRECT).json()
                .get("id").asString();
        while (true) {
            Http.Response status = user.get("/api/practice/submissions/" + id);
            if (status.json().get("status").asString().equals("graded")) {
                assertThat(status.json().get("verdict").get("passed").asBoolean()).isTrue();
                return ms(t0);
            }
            Thread.sleep(5);
        }
    }

    private static double ms(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double pct(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
    }
}
