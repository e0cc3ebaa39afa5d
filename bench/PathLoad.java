import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load client for bench/path-http, run as a second process ({@code java bench/PathLoad.java}).
 *
 * <pre>
 * generate DIR                      writes a curriculum of 100 skills (10 layers, each skill needing
 *                                   one or two of the layer before) and 500 activities: 10 tracks of
 *                                   10 lessons, each lesson with 4 check questions
 * setup BASE LEARNERS ANSWERS FILE  signs LEARNERS learners up, gives each a goal and ANSWERS
 *                                   check-question answers through the content API (so mastery
 *                                   learns their history from its events); writes their tokens
 * measure BASE FILE SECONDS         each learner asks for its learning path in a closed loop for
 *                                   SECONDS, all at once; then the same number of clients ask
 *                                   GET /actuator/health for SECONDS (the same-run baseline);
 *                                   first saturated (back to back), then paced (each learner about
 *                                   once a second). Last line: one JSON object.
 * </pre>
 */
public class PathLoad {

    static final int LAYERS = 10;
    static final int PER_LAYER = 10;
    static final int CHECKS = 4;

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("generate")) {
            generate(Path.of(args[1]));
        } else if (args.length == 5 && args[0].equals("setup")) {
            setup(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Path.of(args[4]));
        } else if (args.length == 4 && args[0].equals("measure")) {
            measure(args[1], Files.readAllLines(Path.of(args[2])), Integer.parseInt(args[3]));
        } else {
            System.err.println("usage: PathLoad generate DIR | setup BASE LEARNERS ANSWERS TOKEN_FILE"
                    + " | measure BASE TOKEN_FILE SECONDS");
            System.exit(2);
        }
    }

    static String skill(int layer, int k) {
        return "skill-" + layer + "-" + k;
    }

    static void generate(Path dir) throws IOException {
        Random random = new Random(3);
        StringBuilder skills = new StringBuilder();
        List<List<String>> prerequisites = new ArrayList<>();
        for (int layer = 0; layer < LAYERS; layer++) {
            for (int k = 0; k < PER_LAYER; k++) {
                List<String> needs = new ArrayList<>();
                if (layer > 0) {
                    needs.add(skill(layer - 1, k));
                    int other = random.nextInt(PER_LAYER);
                    if (other != k) {
                        needs.add(skill(layer - 1, other));
                    }
                }
                prerequisites.add(needs);
                skills.append("- id: ").append(skill(layer, k)).append('\n')
                        .append("  name: Skill ").append(layer).append('.').append(k).append('\n')
                        .append("  description: Generated skill for the learning-path benchmark.\n")
                        .append("  prerequisites: [").append(String.join(", ", needs)).append("]\n");
            }
        }
        Files.createDirectories(dir.resolve("skills"));
        Files.writeString(dir.resolve("skills/bench.yaml"), skills);
        for (int layer = 0; layer < LAYERS; layer++) {
            String track = "layer-" + layer;
            Path trackDir = dir.resolve("tracks/%02d-%s".formatted(layer + 1, track));
            Files.createDirectories(trackDir.resolve("lessons"));
            List<String> lessons = new ArrayList<>();
            for (int k = 0; k < PER_LAYER; k++) {
                String id = "lesson-" + layer + "-" + k;
                lessons.add(id);
                StringBuilder lesson = new StringBuilder("---\n");
                lesson.append("id: ").append(id).append('\n')
                        .append("title: Lesson ").append(layer).append('.').append(k).append('\n')
                        .append("skills: [").append(skill(layer, k)).append("]\n")
                        .append("prerequisites: [").append(String.join(", ", prerequisites.get(layer * PER_LAYER + k)))
                        .append("]\n")
                        .append("difficulty: ").append(1 + layer / 4).append('\n')
                        .append("minutes: 10\n")
                        .append("checks:\n");
                for (int c = 0; c < CHECKS; c++) {
                    lesson.append("  - id: check-").append(c).append('\n')
                            .append("    type: choice\n")
                            .append("    prompt: Question ").append(c).append(" of lesson ").append(layer).append('.')
                            .append(k).append("?\n")
                            .append("    options: [Right., Wrong.]\n")
                            .append("    answer: 0\n")
                            .append("    skill: ").append(skill(layer, k)).append('\n')
                            .append("    explanation: Generated.\n");
                }
                lesson.append("---\n## Body\n\nGenerated lesson ").append(layer).append('.').append(k)
                        .append(" for the learning-path benchmark.\n");
                Files.writeString(trackDir.resolve("lessons/%02d-%s.md".formatted(k + 1, id)), lesson);
            }
            Files.writeString(trackDir.resolve("track.yaml"), """
                    id: %s
                    title: Layer %d
                    summary: Generated track for the learning-path benchmark.
                    order: %d
                    lessons: [%s]
                    exercises: []
                    """.formatted(track, layer, layer + 1, String.join(", ", lessons)));
        }
        System.out.println("curriculum: " + LAYERS * PER_LAYER + " skills, " + LAYERS * PER_LAYER * (1 + CHECKS)
                + " activities in " + dir);
    }

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final Pattern TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpRequest.Builder request(String url, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    static HttpResponse<String> json(String method, String url, String token, String body) {
        return send(request(url, token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** One learner with a history: signed up, a goal in the last layer, some check answers. */
    static String learner(String base, int n, int answers) {
        HttpResponse<String> signup = json("POST", base + "/api/auth/signup", null,
                "{\"email\":\"path-bench-%d-%d@example.org\",\"password\":\"benchmark password\",\"displayName\":\"Learner %d\"}"
                        .formatted(n, System.nanoTime(), n));
        Matcher m = TOKEN.matcher(signup.body());
        if (signup.statusCode() != 201 || !m.find()) {
            throw new IllegalStateException("sign-up failed: " + signup.statusCode() + " " + signup.body());
        }
        String token = m.group(1);
        Random random = new Random(n);
        String goal = skill(LAYERS - 1, random.nextInt(PER_LAYER));
        expect(json("PUT", base + "/api/mastery/goal", token, "{\"skillId\":\"" + goal + "\"}"), 200, "goal");
        for (int a = 0; a < answers; a++) {
            // mostly early layers, as a learner on the way would have answered
            int layer = Math.min(LAYERS - 1, (int) Math.abs(random.nextGaussian() * 2.5));
            String lesson = "lesson-" + layer + "-" + random.nextInt(PER_LAYER);
            String answer = random.nextDouble() < 0.7 ? "0" : "1";
            expect(json("POST", base + "/api/content/lessons/" + lesson + "/checks/check-" + random.nextInt(CHECKS), token,
                    "{\"answer\":\"" + answer + "\"}"), 200, "check answer");
        }
        return token;
    }

    static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + ": " + response.statusCode() + " " + response.body());
        }
    }

    record Run(double[] millis, Map<Integer, Integer> statuses, double seconds) {
        double percentile(double p) {
            return millis.length == 0 ? Double.NaN : millis[Math.min(millis.length - 1, (int) Math.ceil(p * millis.length) - 1)];
        }
    }

    /** Every client requests its URL in a closed loop for {@code seconds}. */
    static Run closedLoop(List<String> tokens, String url, int seconds) throws InterruptedException {
        return closedLoop(tokens, url, seconds, 0);
    }

    /**
     * Every client requests its URL for {@code seconds}, waiting a random 0 to 2 x {@code thinkMillis}
     * after each answer (0: back to back, the server saturated).
     */
    static Run closedLoop(List<String> tokens, String url, int seconds, int thinkMillis) throws InterruptedException {
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        List<List<Double>> perClient = new ArrayList<>();
        long started = System.nanoTime();
        for (String token : tokens) {
            List<Double> mine = new ArrayList<>();
            perClient.add(mine);
            threads.add(Thread.ofVirtual().start(() -> {
                HttpRequest request = request(url, token).GET().build();
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = send(request);
                    mine.add((System.nanoTime() - t0) / 1e6);
                    statuses.merge(r.statusCode(), 1, Integer::sum);
                    if (thinkMillis > 0) {
                        try {
                            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextInt(2 * thinkMillis + 1));
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        double[] millis = perClient.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(millis);
        return new Run(millis, new TreeMap<>(statuses), elapsed);
    }

    static void setup(String base, int learners, int answers, Path tokenFile) throws Exception {
        long setupStart = System.nanoTime();
        String[] tokens = new String[learners];
        AtomicInteger failures = new AtomicInteger();
        List<Thread> setup = new ArrayList<>();
        // a few at a time: sign-up hashes passwords, which is deliberately slow
        int parallel = 4;
        for (int w = 0; w < parallel; w++) {
            int worker = w;
            setup.add(Thread.ofVirtual().start(() -> {
                for (int n = worker; n < learners; n += parallel) {
                    try {
                        tokens[n] = learner(base, n, answers);
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                        System.err.println("learner " + n + ": " + e.getMessage());
                    }
                }
            }));
        }
        for (Thread t : setup) {
            t.join();
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " learners could not be set up");
        }
        Files.write(tokenFile, List.of(tokens));
        System.out.printf(Locale.ROOT, "set-up: %d learners with %d answers each in %.1f s%n", learners, answers,
                (System.nanoTime() - setupStart) / 1e9);
    }

    static void measure(String base, List<String> clients, int seconds) throws Exception {
        int learners = clients.size();
        HttpResponse<String> sample = send(request(base + "/api/mastery/path", clients.get(0)).GET().build());
        expect(sample, 200, "path");
        System.out.println("sample path: " + sample.body().substring(0, Math.min(300, sample.body().length())) + "...");
        // warm-up: JIT, connection pool, every learner's state cached once
        closedLoop(clients, base + "/api/mastery/path", Math.max(5, seconds / 4));
        closedLoop(clients, base + "/actuator/health", Math.max(5, seconds / 4));
        System.out.println("saturated: every learner requests again as soon as answered");
        Run path = closedLoop(clients, base + "/api/mastery/path", seconds);
        Run health = closedLoop(clients, base + "/actuator/health", seconds);
        report("GET /api/mastery/path  ", path);
        report("GET /actuator/health   ", health);
        System.out.printf(Locale.ROOT, "ratio p95 path/health: %.2f%n", path.percentile(0.95) / health.percentile(0.95));
        System.out.println("paced: every learner requests about once a second (random pause 0-2 s)");
        Run pacedPath = closedLoop(clients, base + "/api/mastery/path", seconds, 1000);
        Run pacedHealth = closedLoop(clients, base + "/actuator/health", seconds, 1000);
        report("GET /api/mastery/path  ", pacedPath);
        report("GET /actuator/health   ", pacedHealth);
        System.out.printf(Locale.ROOT, "ratio p95 path/health: %.2f%n",
                pacedPath.percentile(0.95) / pacedHealth.percentile(0.95));
        System.out.printf(Locale.ROOT,
                "{\"learners\":%d,\"activities\":%d,\"saturated\":%s,\"paced\":%s,\"seconds\":%d}%n",
                learners, LAYERS * PER_LAYER * (1 + CHECKS), json(path, health), json(pacedPath, pacedHealth), seconds);
    }

    static String json(Run path, Run health) {
        return String.format(Locale.ROOT,
                "{\"path_p50_ms\":%.1f,\"path_p95_ms\":%.1f,\"path_p99_ms\":%.1f,\"path_rps\":%.0f,"
                        + "\"health_p50_ms\":%.1f,\"health_p95_ms\":%.1f,\"health_rps\":%.0f}",
                path.percentile(0.5), path.percentile(0.95), path.percentile(0.99), path.millis().length / path.seconds(),
                health.percentile(0.5), health.percentile(0.95), health.millis().length / health.seconds());
    }

    static void report(String label, Run run) {
        System.out.printf(Locale.ROOT, "%s p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  %.0f req/s  statuses %s%n", label,
                run.percentile(0.5), run.percentile(0.95), run.percentile(0.99), run.millis().length / run.seconds(),
                run.statuses());
    }
}
