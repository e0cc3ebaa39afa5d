package io.agentcoach.coaching.gateway;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.agentcoach.coaching.Coach;
import io.agentcoach.coaching.CoachQuestion;
import io.agentcoach.coaching.CoachingSettings;
import io.agentcoach.coaching.CoachingSettings.Budgets;
import io.agentcoach.identity.ConsentPurpose;
import io.agentcoach.identity.Consents;
import io.agentcoach.coaching.CoachingSettings.Provider;
import io.agentcoach.coaching.CoachingSettings.Resilience;
import io.agentcoach.coaching.GroundingSource;
import io.agentcoach.coaching.LearnerContext;
import io.agentcoach.coaching.ProviderStub;
import io.agentcoach.coaching.ReferenceSolutions;
import io.agentcoach.coaching.CurriculumPassage;
import io.agentcoach.coaching.context.ConversationMemory;
import io.agentcoach.coaching.guardrails.GuardrailSettings;
import io.agentcoach.coaching.tools.CoachTools;
import io.agentcoach.coaching.guardrails.Guardrails;
import io.agentcoach.coaching.offline.OfflineCoach;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Measures (run by bench/coach-gateway, not by the test suite): the time to first token through
 * the gateway against a local OpenAI-protocol stub that answers at once, beside the same
 * LangChain4j client calling the stub directly in the same run; and the offline coach's answer
 * latency with many concurrent learners. Usage is recorded in an in-memory H2 database
 * (PostgreSQL mode) migrated by the real migrations.
 *
 * <p>Arguments: concurrent streaming sessions (200), rounds (5), concurrent offline users (100).
 */
public final class GatewayLatencyBench {

    private static final String QUESTION = "How should my agent decide when to call the search tool?";

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("held")) {
            held(args.length > 1 ? Integer.parseInt(args[1]) : 200, args.length > 2 ? Integer.parseInt(args[2]) : 60,
                    args.length > 3 ? Integer.parseInt(args[3]) : 10);
            return;
        }
        if (args.length > 0 && args[0].equals("burst")) {
            args = java.util.Arrays.copyOfRange(args, 1, args.length);
        }
        burst(args);
    }

    /**
     * The headline measurement: {@code sessions} streaming sessions held open for {@code seconds}
     * (the first {@code warmup} seconds not counted). The stub sends the first token at once and the
     * rest of each 30-token answer a token every 20-50 ms, so most sessions are mid-stream at any
     * moment; each session asks again 0-2 s (uniform) after its answer ends, going round the three
     * paths (direct client, gateway, gateway with grounding) from a random start, so all three are
     * measured under the same load at the same time.
     */
    private static void held(int sessions, int seconds, int warmup) throws Exception {
        try (ProviderStub stub = new ProviderStub(); HikariDataSource db = database()) {
            List<String> answer = java.util.stream.IntStream.range(0, 30).mapToObj(i -> "word" + i + " ").toList();
            stub.always(ProviderStub.OPENAI_PATH, ProviderStub.openAiPaced(answer, 40, 30, Duration.ofMillis(20),
                    Duration.ofMillis(50)));
            Paths paths = paths(stub, db);
            List<Timed> calls = List.of(() -> directFirstToken(paths.direct), () -> gatewayFirstToken(paths.alone),
                    () -> gatewayFirstToken(paths.grounded));
            List<List<Long>> times = List.of(Collections.synchronizedList(new ArrayList<>()),
                    Collections.synchronizedList(new ArrayList<>()), Collections.synchronizedList(new ArrayList<>()));
            long countFrom = System.nanoTime() + Duration.ofSeconds(warmup).toNanos();
            long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int s = 0; s < sessions; s++) {
                    threads.submit(() -> {
                        var random = java.util.concurrent.ThreadLocalRandom.current();
                        // sessions start spread over the first two seconds, as if they had been open a while
                        Thread.sleep(random.nextLong(2_000));
                        for (int path = random.nextInt(3); System.nanoTime() < end; path = (path + 1) % 3) {
                            long started = System.nanoTime();
                            try {
                                long micros = calls.get(path).micros();
                                if (started >= countFrom) {
                                    times.get(path).add(micros);
                                }
                            } catch (Exception e) {
                                failures.incrementAndGet();
                            }
                            Thread.sleep(random.nextLong(2_001));
                        }
                        return null;
                    });
                }
            }
            System.out.printf("%d sessions held open for %d s (first %d s not counted), load average at the end %.2f%n",
                    sessions, seconds, warmup, java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage());
            reportTail("direct LangChain4j client, first token", times.get(0), null);
            reportTail("gateway (budget, routing, guardrails, ledger), first token", times.get(1), times.get(0));
            reportTail("gateway + curriculum grounding, first token", times.get(2), times.get(0));
            System.out.printf("{\"mode\":\"held\",\"sessions\":%d,\"seconds\":%d,\"failures\":%d,"
                    + "\"direct_us\":%s,\"gateway_us\":%s,\"grounded_us\":%s}%n", sessions, seconds, failures.get(),
                    percentiles(times.get(0)), percentiles(times.get(1)), percentiles(times.get(2)));
        }
    }

    /** The three paths the held mode and the burst mode compare. */
    private record Paths(StreamingChatModel direct, Coach alone, Coach grounded, Coach offline) {
    }

    private static Paths paths(ProviderStub stub, HikariDataSource db) {
        CoachingSettings withModel = settings(new Provider("bench-key", stub.baseUrl() + "/v1", "gpt-4o-mini", ""));
        CoachingSettings offlineOnly = settings(new Provider("", "", "", ""));
        UsageLedger ledger = new UsageLedger(JdbcClient.create(db),
                new TransactionTemplate(new JdbcTransactionManager(db)), withModel.budgets(), Clock.systemUTC(),
                consents(JdbcClient.create(db)));
        GroundingSource curriculum = (organization, query, limit) -> PASSAGES;
        return new Paths(OpenAiStreamingChatModel.builder().baseUrl(stub.baseUrl() + "/v1").apiKey("bench-key")
                .modelName("gpt-4o-mini").build(), gateway(withModel, ledger, (organization, query, limit) -> List.of()),
                gateway(withModel, ledger, curriculum), gateway(offlineOnly, ledger, curriculum));
    }

    /** The burst mode: each round starts all {@code sessions} requests of a path in the same instant. */
    private static void burst(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int offlineUsers = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        try (ProviderStub stub = new ProviderStub(); HikariDataSource db = database()) {
            stub.always(ProviderStub.OPENAI_PATH, ProviderStub.openAiStream(List.of("Call ", "it when ", "unsure."), 40, 3));
            Paths paths = paths(stub, db);
            StreamingChatModel direct = paths.direct();
            Coach gatewayAlone = paths.alone();
            Coach gatewayGrounded = paths.grounded();
            Coach offline = paths.offline();

            // warm-up: JIT, connection pools, the H2 schema
            for (int i = 0; i < 2; i++) {
                firstTokens(sessions, () -> directFirstToken(direct));
                firstTokens(sessions, () -> gatewayFirstToken(gatewayAlone));
                firstTokens(sessions, () -> gatewayFirstToken(gatewayGrounded));
                firstTokens(offlineUsers, () -> wholeAnswer(offline));
            }
            List<Long> directTimes = new ArrayList<>();
            List<Long> aloneTimes = new ArrayList<>();
            List<Long> groundedTimes = new ArrayList<>();
            List<Long> offlineTimes = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                directTimes.addAll(firstTokens(sessions, () -> directFirstToken(direct)));
                aloneTimes.addAll(firstTokens(sessions, () -> gatewayFirstToken(gatewayAlone)));
                groundedTimes.addAll(firstTokens(sessions, () -> gatewayFirstToken(gatewayGrounded)));
                offlineTimes.addAll(firstTokens(offlineUsers, () -> wholeAnswer(offline)));
            }
            report("direct LangChain4j client, first token", directTimes, null);
            report("gateway (budget, routing, guardrails, ledger), first token", aloneTimes, directTimes);
            report("gateway + curriculum grounding, first token", groundedTimes, directTimes);
            report("offline coach, whole answer, " + offlineUsers + " concurrent users", offlineTimes, null);
            System.out.printf("{\"sessions\":%d,\"rounds\":%d,\"direct_p50_us\":%d,\"direct_p95_us\":%d,"
                    + "\"gateway_p50_us\":%d,\"gateway_p95_us\":%d,\"grounded_p50_us\":%d,\"grounded_p95_us\":%d,"
                    + "\"offline_p50_us\":%d,\"offline_p95_us\":%d}%n", sessions, rounds,
                    pct(directTimes, 50), pct(directTimes, 95), pct(aloneTimes, 50), pct(aloneTimes, 95),
                    pct(groundedTimes, 50), pct(groundedTimes, 95), pct(offlineTimes, 50), pct(offlineTimes, 95));
        }
    }

    private interface Timed {
        long micros() throws Exception;
    }

    /** Starts {@code n} calls together and returns each one's latency in microseconds. */
    private static List<Long> firstTokens(int n, Timed call) throws Exception {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Long>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(threads.submit(call::micros));
            }
            List<Long> times = new ArrayList<>();
            for (Future<Long> f : futures) {
                times.add(f.get());
            }
            return times;
        }
    }

    private static long directFirstToken(StreamingChatModel model) throws Exception {
        long start = System.nanoTime();
        AtomicLong first = new AtomicLong();
        CompletableFuture<Void> done = new CompletableFuture<>();
        model.chat(ChatRequest.builder().messages(UserMessage.from(QUESTION)).build(), new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String token) {
                first.compareAndSet(0, System.nanoTime());
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(null);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        done.get();
        return (first.get() - start) / 1_000;
    }

    private static long gatewayFirstToken(Coach coach) {
        long start = System.nanoTime();
        AtomicLong first = new AtomicLong();
        var answer = coach.answer(question(), token -> first.compareAndSet(0, System.nanoTime()));
        if (answer.offline()) {
            throw new IllegalStateException("the stub provider did not answer: " + answer.routing().reason());
        }
        return (first.get() - start) / 1_000;
    }

    private static long wholeAnswer(Coach coach) {
        long start = System.nanoTime();
        coach.answer(question(), token -> { });
        return (System.nanoTime() - start) / 1_000;
    }

    private static CoachQuestion question() {
        return new CoachQuestion(LEARNER, ORGANIZATION, null, QUESTION, LearnerContext.NONE);
    }

    /**
     * A gateway as the application wires it, except that the bench's questions name no exercise and
     * no session: the tools that read practice, the sandbox and mastery, and the stored summaries, are
     * never reached, so they are left out.
     */
    private static Coach gateway(CoachingSettings settings, UsageLedger ledger, GroundingSource grounding) {
        Guardrails guardrails = new Guardrails(GuardrailSettings.defaults());
        CoachTools tools = new CoachTools(grounding, null, null, null, null, null, null, null, guardrails,
                settings.tools());
        return new CoachingGateway(new ModelCatalog(settings, Clock.systemUTC()), new ModelCaller(settings.resilience()),
                ledger, grounding, new OfflineCoach(), event -> { }, NO_EXERCISES, guardrails, tools,
                new ConversationMemory(null, settings.context()));
    }

    private static CoachingSettings settings(Provider openai) {
        Provider none = new Provider("", "", "", "");
        return new CoachingSettings(openai, none, none,
                new Resilience(Duration.ofSeconds(30), Duration.ofSeconds(10), 3, Duration.ofMillis(100),
                        Duration.ofSeconds(2), 50, 10_000, Duration.ofSeconds(30)),
                "gpt-4o-mini=0.15/0.60", new Budgets(new BigDecimal("1000000"), new BigDecimal("1000"), true), 30,
                new CoachingSettings.Tools(6, Duration.ofSeconds(15), Duration.ofSeconds(40)),
                new CoachingSettings.Context(4000, 25, "gpt-4o-mini=128000", 8192));
    }

    private static HikariDataSource database() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                + "DB_CLOSE_DELAY=-1");
        config.setUsername("sa");
        config.setMaximumPoolSize(20);
        HikariDataSource db = new HikariDataSource(config);
        migrate(db);
        JdbcClient.create(db).sql("insert into consent_records (user_id, purpose, granted, wording_version) "
                + "values (?, ?, true, 1)").params(LEARNER, ConsentPurpose.EXTERNAL_MODEL_PROCESSING.id()).update();
        return db;
    }

    /**
     * Consent as identity keeps it (its implementation is internal to identity): the same one-row
     * read of {@code consent_records} per question, so the bench pays the same round trip.
     */
    private static Consents consents(JdbcClient jdbc) {
        return new Consents() {
            @Override
            public boolean granted(UUID userId, ConsentPurpose purpose) {
                return jdbc.sql("select granted from consent_records where user_id = ? and purpose = ? order by id desc")
                        .params(userId, purpose.id()).withMaxRows(1).query(Boolean.class).optional().orElse(false);
            }

            @Override
            public void record(UUID userId, ConsentPurpose purpose, boolean granted) {
                throw new UnsupportedOperationException("the bench does not change consent");
            }
        };
    }

    private static void migrate(DataSource db) {
        Flyway.configure().dataSource(db).locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .outOfOrder(true).load().migrate();
    }

    /** Four passages as knowledge search returns them; the bench measures the gateway, not retrieval. */
    private static final List<CurriculumPassage> PASSAGES = java.util.stream.IntStream.range(0, 4)
            .mapToObj(i -> new CurriculumPassage("lesson-" + i, "Lesson " + i, "Tool calling " + i, "tool-calling-" + i,
                    "The agent decides how to use its search tool and when to stop; passage " + i + ". ".repeat(1)
                            + "Bound the number of tool calls per turn and check each result.", 1.0 - i / 10.0))
            .toList();

    /** The bench asks no exercise questions. */
    private static final ReferenceSolutions NO_EXERCISES = new ReferenceSolutions() {
        @Override
        public Optional<String> reference(UUID organizationId, String exerciseId) {
            return Optional.empty();
        }

        @Override
        public boolean solved(UUID organizationId, UUID userId, String exerciseId) {
            return false;
        }
    };

    /** One learner who consented to external processing, so the stub provider is called. */
    private static final UUID ORGANIZATION = UUID.randomUUID();
    private static final UUID LEARNER = UUID.randomUUID();

    private static void report(String what, List<Long> times, List<Long> baseline) {
        String line = String.format("%-62s p50 %7.2f ms  p95 %7.2f ms  (n=%d)", what, pct(times, 50) / 1000.0,
                pct(times, 95) / 1000.0, times.size());
        if (baseline != null) {
            line += String.format("  added p50 %+.2f ms, p95 %+.2f ms, p95 ratio %.2f",
                    (pct(times, 50) - pct(baseline, 50)) / 1000.0, (pct(times, 95) - pct(baseline, 95)) / 1000.0,
                    (double) pct(times, 95) / pct(baseline, 95));
        }
        System.out.println(line);
    }

    private static void reportTail(String what, List<Long> times, List<Long> baseline) {
        String line = String.format("%-62s p50 %7.2f  p95 %7.2f  p99 %7.2f ms  (n=%d)", what, pct(times, 50) / 1000.0,
                pct(times, 95) / 1000.0, pct(times, 99) / 1000.0, times.size());
        if (baseline != null) {
            line += String.format("  added p50 %+.2f, p95 %+.2f, p99 %+.2f ms",
                    (pct(times, 50) - pct(baseline, 50)) / 1000.0, (pct(times, 95) - pct(baseline, 95)) / 1000.0,
                    (pct(times, 99) - pct(baseline, 99)) / 1000.0);
        }
        System.out.println(line);
    }

    private static String percentiles(List<Long> times) {
        return String.format("{\"n\":%d,\"p50\":%d,\"p95\":%d,\"p99\":%d}", times.size(), pct(times, 50),
                pct(times, 95), pct(times, 99));
    }

    private static long pct(List<Long> values, int percentile) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
