import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load client for bench/current-user ({@code java bench/MeLoad.java}): CONNECTIONS
 * persistent HTTP/1.1 connections, each sending GETs at random (Poisson) moments, together RATE
 * requests a second. Unlike {@code hey -q}, whose workers all fire at the same instants (bursts of
 * 200 at once), arrivals are spread as independent clients' would be; unlike a closed loop, the
 * rate does not fall when the server slows down. A request's latency runs from the moment it was
 * due, not when it was sent, so a connection still busy with the previous answer counts the wait
 * (no coordinated omission).
 *
 * <pre>
 * java bench/MeLoad.java BASE TOKEN SECONDS CONNECTIONS RATE[,RATE...]
 * </pre>
 *
 * For each rate: {@code GET /api/me} with the bearer TOKEN for SECONDS, then
 * {@code GET /actuator/health} for SECONDS at the same rate (the same-run baseline); each after a
 * warm-up of a quarter of SECONDS (at least 3 s) that is not counted, and the first after 10 s of
 * each route at the first rate (the JIT). Last line: one JSON object.
 */
public class MeLoad {

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: MeLoad BASE TOKEN SECONDS CONNECTIONS RATE[,RATE...]");
            System.exit(2);
        }
        URI base = URI.create(args[0]);
        String token = args[1];
        int seconds = Integer.parseInt(args[2]);
        int connections = Integer.parseInt(args[3]);
        int warmUp = Math.max(3, seconds / 4);
        byte[] me = request(base, "/api/me", token);
        byte[] health = request(base, "/actuator/health", null);
        String[] rates = args[4].split(",");
        // the JIT compiles both routes first, at the lowest rate, uncounted
        run(base, me, connections, Double.parseDouble(rates[0]), 10);
        run(base, health, connections, Double.parseDouble(rates[0]), 10);
        List<String> rows = new ArrayList<>();
        for (String r : rates) {
            double rate = Double.parseDouble(r);
            run(base, me, connections, rate, warmUp);
            Run meRun = run(base, me, connections, rate, seconds);
            run(base, health, connections, rate, warmUp);
            Run healthRun = run(base, health, connections, rate, seconds);
            System.out.printf(Locale.ROOT, "offered %.0f req/s over %d connections (Poisson arrivals), %d s each:%n",
                    rate, connections, seconds);
            report("  GET /api/me (JWT)     ", meRun);
            report("  GET /actuator/health  ", healthRun);
            System.out.printf(Locale.ROOT, "  ratio p95 me/health: %.2f%n",
                    meRun.percentile(0.95) / healthRun.percentile(0.95));
            rows.add(String.format(Locale.ROOT,
                    "{\"rate\":%.0f,\"me_p50_ms\":%.2f,\"me_p95_ms\":%.2f,\"me_p99_ms\":%.2f,\"me_rps\":%.0f,"
                            + "\"health_p50_ms\":%.2f,\"health_p95_ms\":%.2f,\"health_p99_ms\":%.2f,"
                            + "\"health_rps\":%.0f,\"me_cpu_ms\":%.3f,\"health_cpu_ms\":%.3f,"
                            + "\"me_statuses\":\"%s\",\"health_statuses\":\"%s\"}",
                    rate, meRun.percentile(0.5), meRun.percentile(0.95), meRun.percentile(0.99), meRun.rps(),
                    healthRun.percentile(0.5), healthRun.percentile(0.95), healthRun.percentile(0.99),
                    healthRun.rps(), meRun.cpuPerRequest(), healthRun.cpuPerRequest(), meRun.statuses(),
                    healthRun.statuses()));
        }
        System.out.printf(Locale.ROOT, "{\"connections\":%d,\"seconds\":%d,\"runs\":[%s]}%n", connections, seconds,
                String.join(",", rows));
    }

    static byte[] request(URI base, String path, String token) {
        return ("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                + "Accept: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * CPU time the server process has used so far, in milliseconds, when {@code SERVER_PID} names it
     * (from /proc, Linux); NaN otherwise. CPU per request is steadier than latency on a shared machine.
     */
    static double serverCpuMillis() {
        String pid = System.getenv("SERVER_PID");
        if (pid == null || pid.isBlank()) {
            return Double.NaN;
        }
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid.strip(), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // utime and stime are fields 14 and 15 of stat, in clock ticks (100 a second on Linux)
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    record Run(double[] millis, Map<Integer, Integer> statuses, double seconds, double serverCpuMillis) {
        double percentile(double p) {
            return millis.length == 0 ? Double.NaN
                    : millis[Math.min(millis.length - 1, Math.max(0, (int) Math.ceil(p * millis.length) - 1))];
        }

        double rps() {
            return millis.length / seconds;
        }

        double cpuPerRequest() {
            return serverCpuMillis / millis.length;
        }
    }

    /** Every connection sends at exponentially distributed intervals of mean CONNECTIONS / RATE for SECONDS. */
    static Run run(URI base, byte[] request, int connections, double rate, int seconds) throws InterruptedException {
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        long meanGapNanos = (long) (connections / rate * 1e9);
        double cpuBefore = serverCpuMillis();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        List<double[]> perConnection = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            double[][] mine = {new double[64]};
            int[] count = {0};
            perConnection.add(null);
            int index = c;
            threads.add(Thread.ofVirtual().start(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                Client client = new Client(base);
                long due = start + gap(random, meanGapNanos);
                try {
                    while (due < end) {
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        int status = client.get(request);
                        double millis = (System.nanoTime() - due) / 1e6;
                        if (count[0] == mine[0].length) {
                            mine[0] = Arrays.copyOf(mine[0], count[0] * 2);
                        }
                        mine[0][count[0]++] = millis;
                        statuses.merge(status, 1, Integer::sum);
                        due += gap(random, meanGapNanos);
                    }
                } finally {
                    client.close();
                }
                synchronized (perConnection) {
                    perConnection.set(index, Arrays.copyOf(mine[0], count[0]));
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double[] millis = perConnection.stream().filter(a -> a != null).flatMapToDouble(Arrays::stream).sorted().toArray();
        return new Run(millis, new TreeMap<>(statuses), elapsed, serverCpuMillis() - cpuBefore);
    }

    private static long gap(ThreadLocalRandom random, long meanNanos) {
        return (long) (-Math.log(1 - random.nextDouble()) * meanNanos);
    }

    static void report(String label, Run run) {
        System.out.printf(Locale.ROOT, "%s p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  %.0f req/s  server CPU %.2f ms/request"
                + "  statuses %s%n", label, run.percentile(0.5), run.percentile(0.95), run.percentile(0.99), run.rps(),
                run.cpuPerRequest(), run.statuses());
    }

    /** One keep-alive HTTP/1.1 connection, reopened when the server closes it. */
    static final class Client {
        private final URI base;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Client(URI base) {
            this.base = base;
        }

        /** Sends the request and reads the whole answer; its status, or 0 when the connection failed. */
        int get(byte[] request) {
            try {
                if (socket == null) {
                    socket = new Socket();
                    socket.setTcpNoDelay(true);
                    socket.connect(new InetSocketAddress(base.getHost(), base.getPort()));
                    in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                    out = socket.getOutputStream();
                }
                out.write(request);
                out.flush();
                return readResponse();
            } catch (IOException e) {
                close();
                return 0;
            }
        }

        private int readResponse() throws IOException {
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean closing = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).strip());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closing = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].strip(), 16); size > 0;
                        size = Long.parseLong(line().split(";")[0].strip(), 16)) {
                    skip(size);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length > 0) {
                skip(length);
            }
            if (closing) {
                close();
            }
            return status;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new EOFException();
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        private void skip(long bytes) throws IOException {
            while (bytes > 0) {
                long skipped = in.skip(bytes);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new EOFException();
                    }
                    skipped = 1;
                }
                bytes -= skipped;
            }
        }

        void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            socket = null;
        }
    }
}
