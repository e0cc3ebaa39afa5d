package io.agentcoach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class AgentCoachCliTests {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    private int run(String... args) {
        CommandLine cli = AgentCoachCli.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private String serve(String readiness, int readinessStatus) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/actuator/health/liveness", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/actuator/health/readiness", exchange -> {
            byte[] body = ("{\"status\":\"" + readiness + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(readinessStatus, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void printsItsVersion() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("agentcoach ").doesNotContain("unknown");
    }

    @Test
    void healthSucceedsWhenTheServerIsReady() throws IOException {
        String url = serve("UP", 200);
        assertThat(run("health", "--url", url)).isZero();
        assertThat(out.toString()).contains("liveness:  UP").contains("readiness: UP");
    }

    @Test
    void healthFailsWhenTheServerIsNotReady() throws IOException {
        String url = serve("OUT_OF_SERVICE", 503);
        assertThat(run("health", "--url", url)).isEqualTo(1);
        assertThat(out.toString()).contains("readiness: OUT_OF_SERVICE");
    }

    @Test
    void healthExplainsAnUnreachableServer() throws IOException {
        String url = serve("UP", 200);
        server.stop(0);
        server = null;
        assertThat(run("health", "--url", url, "--timeout", "2s")).isEqualTo(2);
        assertThat(err.toString()).contains("cannot connect to " + url);
    }

    @Test
    void rejectsAUrlThatIsNotHttp() {
        assertThat(run("health", "--url", "ftp://example")).isEqualTo(2);
        assertThat(err.toString()).contains("--url must be an http(s) URL");
    }

    @Test
    void rejectsAMalformedTimeoutWithAClearMessage() {
        assertThat(run("health", "--timeout", "soon")).isEqualTo(2);
        assertThat(err.toString()).contains("'soon' is not a duration");
    }
}
