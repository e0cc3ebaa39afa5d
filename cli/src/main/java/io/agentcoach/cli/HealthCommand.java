package io.agentcoach.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Asks a server whether it is live and ready. Exit code 0 when ready, 1 when the server
 * answers but is not ready, 2 when it cannot be reached.
 */
@Command(name = "health", description = "Check whether a server is live and ready to take traffic.")
final class HealthCommand implements Callable<Integer> {

    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--url", defaultValue = "${AGENTCOACH_URL:-http://localhost:8080}",
            description = "Base URL of the server (default: ${DEFAULT-VALUE}; env AGENTCOACH_URL).")
    URI url;

    @Option(names = "--timeout", defaultValue = "5s", converter = DurationConverter.class,
            description = "How long to wait for each answer, e.g. 500ms, 5s (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        if (url.getScheme() == null || !(url.getScheme().equals("http") || url.getScheme().equals("https"))
                || url.getHost() == null) {
            err.println("agentcoach: --url must be an http(s) URL such as http://localhost:8080, not '" + url + "'");
            return 2;
        }
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build()) {
            String liveness = probe(client, "/actuator/health/liveness");
            String readiness = probe(client, "/actuator/health/readiness");
            out.printf("server:    %s%nliveness:  %s%nreadiness: %s%n", base(), liveness, readiness);
            return "UP".equals(readiness) ? 0 : 1;
        } catch (ConnectException e) {
            err.println("agentcoach: cannot connect to " + base() + " (is the server running?)");
        } catch (HttpTimeoutException e) {
            err.println("agentcoach: " + base() + " did not answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            err.println("agentcoach: request to " + base() + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("agentcoach: interrupted");
        }
        return 2;
    }

    private String probe(HttpClient client, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + path))
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        Matcher m = STATUS.matcher(response.body());
        return m.find() ? m.group(1) : "UNKNOWN (HTTP " + response.statusCode() + ")";
    }

    private String base() {
        String s = url.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        private static final Pattern FORMAT = Pattern.compile("(\\d+)(ms|s|m)");

        @Override
        public Duration convert(String value) {
            Matcher m = FORMAT.matcher(value.trim());
            if (!m.matches()) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a duration such as 500ms, 5s or 1m");
            }
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                default -> Duration.ofMinutes(n);
            };
        }
    }
}
