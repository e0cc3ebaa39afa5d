package io.agentcoach.sandbox.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.agentcoach.sandbox.RunOutcome;
import io.agentcoach.sandbox.RunRequest;
import io.agentcoach.sandbox.RunResult;
import io.agentcoach.sandbox.SandboxSettings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Boxes started ahead of their request: the launcher runs a program exactly as {@code python3 -B -S
 * /input/main.py ARGS < STDIN} would, every box serves one run, and closing the runner ends the
 * waiting boxes with their cgroups.
 */
@Tag("sandbox")
class BoxTests {

    private static RunResult run(BubblewrapRunner runner, String code, List<String> argv, String stdin)
            throws IOException {
        return runner.run(new RunRequest("python3", Map.of("main.py", code, "helper.py", "VALUE = 7\n"), "main.py",
                argv, stdin, SandboxFixtures.TEST_LIMITS));
    }

    private static int ready(BubblewrapRunner runner) {
        return runner.readyBoxes("python3", SandboxFixtures.TEST_LIMITS);
    }

    private static BubblewrapRunner runner(int warmBoxes) {
        SandboxSettings d = SandboxFixtures.defaultSettings();
        return Sandbox.start(new SandboxSettings(d.bubblewrap(), d.python(), d.cgroupRoot(), d.limits(), 1, 1, warmBoxes))
                .runner().orElseThrow();
    }

    @Test
    void theProgramRunsAsPythonWouldRunItWithAReadyBoxAndWithout() throws Exception {
        for (int warm : new int[] {1, 0}) {
            try (BubblewrapRunner runner = runner(warm)) {
                if (warm > 0) {
                    run(runner, "pass", List.of(), "");
                    await().atMost(Duration.ofSeconds(20)).until(() -> ready(runner) == 1);
                }
                RunResult ok = run(runner, """
                        import sys, helper
                        print(__name__, __file__, sys.argv, sys.path[0], helper.VALUE)
                        print(sys.stdin.read().upper(), end="")
                        """, List.of("one", "two words"), "from stdin\n");
                assertThat(ok.outcome()).isEqualTo(new RunOutcome.Exited(0));
                assertThat(ok.stdout().text()).isEqualTo(
                        "__main__ /input/main.py ['/input/main.py', 'one', 'two words'] /input 7\nFROM STDIN\n");

                RunResult raised = run(runner, "x = 1\nraise ValueError('bad value')\n", List.of(), "");
                assertThat(raised.outcome()).isEqualTo(new RunOutcome.Exited(1));
                assertThat(raised.stderr().text()).isEqualTo("Traceback (most recent call last):\n"
                        + "  File \"/input/main.py\", line 2, in <module>\n    raise ValueError('bad value')\n"
                        + "ValueError: bad value\n");

                RunResult syntax = run(runner, "def broken(:\n", List.of(), "");
                assertThat(syntax.outcome()).isEqualTo(new RunOutcome.Exited(1));
                assertThat(syntax.stderr().text()).startsWith("  File \"/input/main.py\", line 1").contains("SyntaxError")
                        .doesNotContain("launcher");

                assertThat(run(runner, "import sys\nsys.exit(3)\n", List.of(), "").outcome())
                        .isEqualTo(new RunOutcome.Exited(3));
                assertThat(run(runner, "raise SystemExit('bye')\n", List.of(), "").stderr().text()).isEqualTo("bye\n");
            }
        }
    }

    @Test
    void eachBoxServesOneRunAndClosingEndsTheWaitingBoxesAndTheirCgroups() throws Exception {
        // other runners of this JVM (the application contexts other tests cached) keep boxes too
        List<String> others = runGroups();
        BubblewrapRunner runner = runner(2);
        try {
            RunResult first = run(runner, "open('/work/mine', 'w').write('x')\nimport os\nprint(os.getpid())\n",
                    List.of(), "");
            await().atMost(Duration.ofSeconds(20)).until(() -> ready(runner) == 2);
            RunResult second = run(runner, "import os\nprint(os.listdir('/work'))\n", List.of(), "");
            assertThat(first.outcome().status()).isEqualTo("ok");
            assertThat(second.stdout().text()).isEqualTo("[]\n");
            await().atMost(Duration.ofSeconds(20)).until(() -> ready(runner) == 2);
            List<String> waiting = runGroups().stream().filter(g -> !others.contains(g)).toList();
            assertThat(waiting).as("two waiting boxes' cgroups").hasSizeGreaterThanOrEqualTo(2);
            runner.close();
            assertThat(runner.readyBoxes()).isZero();
            assertThat(SandboxFixtures.strayProcesses()).isEmpty();
            // other runners of this JVM keep making and ending boxes meanwhile, so their groups cannot be told
            // from ours by name; a group this runner left behind would be one with no process in it
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(emptyGroups(waiting))
                    .as("cgroups of the closed runner's boxes left behind").isEmpty());
        } finally {
            runner.close();
        }
    }

    /** Those of {@code groups} that still exist with no process in them. */
    private static List<String> emptyGroups(List<String> groups) throws IOException {
        Path parent = groupsParent();
        List<String> empty = new java.util.ArrayList<>();
        for (String group : groups) {
            Path procs = parent.resolve(group).resolve("cgroup.procs");
            try {
                if (Files.readString(procs).isBlank()) {
                    empty.add(group);
                }
            } catch (java.nio.file.NoSuchFileException gone) {
                // removed, as it should be
            }
        }
        return empty;
    }

    private static Path groupsParent() {
        Path root = SandboxFixtures.defaultSettings().cgroupRoot();
        return Files.isDirectory(root.resolve("pids")) ? root.resolve("pids/agentcoach-sandbox")
                : root.resolve("agentcoach-sandbox");
    }

    /** This JVM's run cgroups under the pids hierarchy (v1) or the unified one (v2). */
    private static List<String> runGroups() throws IOException {
        Path parent = groupsParent();
        String mine = "run-" + ProcessHandle.current().pid() + "-";
        try (Stream<Path> groups = Files.list(parent)) {
            return groups.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(mine)).toList();
        }
    }
}
