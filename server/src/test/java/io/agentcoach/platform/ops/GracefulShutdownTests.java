package io.agentcoach.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.agentcoach.AgentCoachApplication;
import io.agentcoach.testing.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Shutting a node down lets the requests it is serving finish, while it takes no new ones. */
class GracefulShutdownTests {

    static final CountDownLatch started = new CountDownLatch(1);

    @TempDir
    Path dataDir;

    @RestController
    static class SlowController {
        @GetMapping("/test/slow")
        String slow() throws InterruptedException {
            started.countDown();
            Thread.sleep(1500);
            return "finished";
        }
    }

    @Test
    void inFlightRequestFinishesDuringShutdown() throws Exception {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(AgentCoachApplication.class,
                SlowController.class).run("--server.port=0", "--agentcoach.data-dir=" + dataDir,
                "--agentcoach.content.dir=src/test/resources/content-fixture");
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        Http http = new Http(port);

        CompletableFuture<Http.Response> inFlight = CompletableFuture.supplyAsync(() -> http.get("/test/slow"));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        long closing = System.nanoTime();
        context.close();
        long closedAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closing);

        Http.Response response = inFlight.get(10, TimeUnit.SECONDS);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("finished");
        assertThat(closedAfterMs).as("close waited for the in-flight request").isGreaterThanOrEqualTo(500);
    }
}
