package io.agentcoach.sandbox.runtime;

import static io.agentcoach.sandbox.runtime.SandboxFixtures.hostProcessesWith;
import static io.agentcoach.sandbox.runtime.SandboxFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import io.agentcoach.sandbox.Limit;
import io.agentcoach.sandbox.RunOutcome;
import io.agentcoach.sandbox.runtime.SandboxFixtures.Run;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Hostile programs, each of which must be contained: the host unharmed, nothing of the run left
 * running, and the next run normal. Needs bubblewrap (CI installs it).
 */
@Tag("sandbox")
class HostileCodeTests {

    private Run last;

    @BeforeAll
    static void sandboxIsUp() {
        assertThat(SandboxFixtures.sandbox().unavailableReason()).isEmpty();
    }

    private Run hostile(String code) {
        last = run(code);
        return last;
    }

    @AfterEach
    void hostUnharmedAndNextRunNormal() throws IOException, InterruptedException {
        if (last != null) {
            assertThat(hostProcessesWith(last.marker())).as("processes left running").isEmpty();
            assertThat(SandboxFixtures.strayProcesses()).as("processes outside every box").isEmpty();
        }
        Run next = run("print(6 * 7)");
        assertThat(next.status()).isEqualTo("ok");
        assertThat(next.stdout()).isEqualTo("42\n");
    }

    @Test
    void forkBombIsStoppedByTheProcessLimit() {
        Run run = hostile("""
                import os
                while True:
                    try:
                        os.fork()
                    except OSError:
                        pass
                """);
        assertThat(run.result().outcome()).isEqualTo(new RunOutcome.Stopped(Limit.PROCESSES,
                "stopped: tried to run more than 32 processes at once"));
    }

    @Test
    void memoryBombIsStoppedByTheMemoryLimit() {
        Run run = hostile("""
                hog = []
                while True:
                    hog.append(bytearray(1 << 20))
                """);
        assertThat(run.result().outcome()).isEqualTo(new RunOutcome.Stopped(Limit.MEMORY,
                "stopped: used more than 128 MiB of memory"));
        assertThat(run.result().peakMemoryBytes()).isLessThanOrEqualTo(128L << 20);
    }

    @Test
    void oneHugeFileIsStoppedByTheFileSizeLimit() {
        Run run = hostile("""
                with open("big", "wb") as f:
                    while True:
                        f.write(b"x" * 65536)
                """);
        assertThat(run.status()).isEqualTo("file-size");
    }

    @Test
    void fillingTheWorkDirectoryIsBoundedByTheRunsMemory() {
        Run run = hostile("""
                i = 0
                while True:
                    with open("f%d" % i, "wb") as f:
                        f.write(b"x" * 200000)
                    i += 1
                """);
        assertThat(run.status()).isIn("memory", "error");
        assertThat(run.result().peakMemoryBytes()).isLessThanOrEqualTo(128L << 20);
    }

    @Test
    void endlessOutputIsCutOffAndStopped() {
        Run run = hostile("""
                while True:
                    print("spam" * 100)
                """);
        assertThat(run.status()).isEqualTo("output");
        assertThat(run.result().stdout().truncated()).isTrue();
        assertThat(run.stdout().length()).isLessThanOrEqualTo(64 * 1024);
    }

    @Test
    void tcpUdpAndDnsHaveNoNetwork() {
        Run run = hostile("""
                import socket
                blocked = []
                for host, port in [("127.0.0.1", 5432), ("127.0.0.1", 6379), ("1.1.1.1", 443)]:
                    try:
                        socket.create_connection((host, port), timeout=1)
                    except OSError:
                        blocked.append("tcp")
                try:
                    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
                    s.sendto(b"x", ("8.8.8.8", 53))
                except OSError:
                    blocked.append("udp")
                try:
                    socket.getaddrinfo("example.com", 80)
                except OSError:
                    blocked.append("dns")
                print(",".join(blocked))
                """);
        assertThat(run.stdout()).isEqualTo("tcp,tcp,tcp,udp,dns\n");
    }

    @Test
    void hostSecretsAreNotVisible() throws IOException {
        Path dataDir = Files.createTempDirectory("agentcoach-data-");
        Files.writeString(dataDir.resolve("secret.txt"), "host secret");
        try {
            Run run = hostile("""
                    import os
                    seen = []
                    for path in ["/etc/shadow", "/etc/passwd", "/root", "%s/secret.txt", "/home", "/var/lib/postgresql", "/sys"]:
                        seen.append(path + "=" + str(os.path.exists(path)))
                    print(" ".join(seen))
                    """.formatted(dataDir));
            assertThat(run.stdout()).doesNotContain("=True").contains("/etc/shadow=False");
        } finally {
            Files.delete(dataDir.resolve("secret.txt"));
            Files.delete(dataDir);
        }
    }

    @Test
    void otherRunsFilesAreNotVisible() throws Exception {
        CompletableFuture<Run> other = CompletableFuture.supplyAsync(() -> run("""
                import time
                open("/work/other-run-secret", "w").write("mine")
                time.sleep(1.5)
                print("done")
                """));
        Thread.sleep(300);
        Run run = hostile("""
                import os
                found = []
                for top in ["/", "/tmp", "/work", "/input", "/run", "/var"]:
                    if os.path.isdir(top):
                        for root, dirs, files in os.walk(top):
                            dirs[:] = [d for d in dirs if os.path.join(root, d) not in ("/proc", "/usr", "/sys", "/dev")]
                            found += [f for f in files if f == "other-run-secret" or f.startswith("agentcoach-run-")]
                print(found, sorted(os.listdir("/work")))
                """);
        assertThat(run.stdout()).isEqualTo("[] []\n");
        assertThat(other.get().stdout()).isEqualTo("done\n");
    }

    @Test
    void writingOutsideTheWorkDirectoryFails() {
        Run run = hostile("""
                results = []
                for path in ["/usr/evil", "/input/evil", "/evil", "/etc/evil", "/proc/evil", "/input/main.py"]:
                    try:
                        open(path, "w").write("x")
                        results.append("wrote " + path)
                    except OSError:
                        results.append("denied")
                open("/work/fine", "w").write("ok")
                print(" ".join(results))
                """);
        assertThat(run.stdout()).isEqualTo("denied denied denied denied denied denied\n");
    }

    @Test
    void procShowsOnlyTheBoxAndPtraceReachesNothingOutside() {
        long jvm = ProcessHandle.current().pid();
        Run run = hostile("""
                import ctypes, os
                pids = sorted(int(p) for p in os.listdir("/proc") if p.isdigit())
                libc = ctypes.CDLL(None, use_errno=True)
                attached = libc.ptrace(16, %d, 0, 0)  # PTRACE_ATTACH to the server's pid
                print(len(pids) < 5, os.path.exists("/proc/%d"), attached)
                """.formatted(jvm, jvm));
        assertThat(run.stdout()).isEqualTo("True False -1\n");
    }

    @Test
    void signalsToParentsAndEveryoneStayInsideTheBox() {
        Run run = hostile("""
                import os, signal
                for target in [os.getppid(), 1, -1]:
                    try:
                        os.kill(target, signal.SIGKILL)
                    except OSError:
                        pass
                print("still here")
                """);
        assertThat(ProcessHandle.current().isAlive()).isTrue();
        assertThat(run.status()).isIn("ok", "signal");
    }

    @Test
    void sleepingPastTheWallClockIsStopped() {
        Run run = hostile("""
                import time
                print("going to sleep", flush=True)
                time.sleep(60)
                """);
        assertThat(run.result().outcome()).isEqualTo(new RunOutcome.Stopped(Limit.WALL_TIME, "stopped: ran longer than 3 s"));
        assertThat(run.result().wallTime().toMillis()).isLessThan(5000);
        assertThat(run.stdout()).isEqualTo("going to sleep\n");
    }

    @Test
    void spinningIsStoppedByTheCpuLimitOrTheWallClock() {
        Run run = hostile("while True:\n    pass\n");
        assertThat(run.status()).isEqualTo("timeout");
    }

    @Test
    void orphansAndZombiesAreKilledWhenTheProgramExits() {
        Run run = hostile("""
                import os, time
                if os.fork() == 0:
                    os.setsid()
                    if os.fork() == 0:
                        time.sleep(100)
                    os._exit(0)
                os.fork() or os._exit(0)
                print("parent leaves", flush=True)
                """);
        assertThat(run.status()).isEqualTo("ok");
        assertThat(run.result().wallTime().toMillis()).isLessThan(3000);
    }

    @Test
    void symlinksAndHardLinksCannotReachHostFiles() {
        Run run = hostile("""
                import os
                os.symlink("/etc/shadow", "/work/shadow")
                os.symlink("/proc/1/root/etc/hostname", "/work/host")
                try:
                    os.link("/etc/passwd", "/work/passwd")
                    print("linked")
                except OSError:
                    print("no hard link")
                print(os.path.exists("/work/shadow"))
                """);
        assertThat(run.stdout()).isEqualTo("no hard link\nFalse\n");
        assertThat(run.result().channel().text()).isEmpty();
    }

    @Test
    void hugeArgvAndEnvironmentAreContained() {
        Run run = hostile("""
                import os
                try:
                    os.execve("/usr/bin/python3", ["python3"] + ["A" * 100000] * 200, {"X": "B" * 10000000})
                except OSError as e:
                    print(type(e).__name__)
                """);
        assertThat(run.status()).isIn("ok", "memory");
    }

    @Test
    void binaryGarbageAndInvalidUtf8OnStdoutAreReturnedAsText() {
        Run run = hostile("""
                import sys
                sys.stdout.buffer.write(bytes(range(256)) + b"\\xff\\xfe\\xc3")
                """);
        assertThat(run.status()).isEqualTo("ok");
        assertThat(run.stdout()).startsWith("\u0000\u0001\u0002").contains("\uFFFD");
    }

    @Test
    void ioUringIsNotAvailable() {
        Run run = hostile("""
                import ctypes
                libc = ctypes.CDLL(None, use_errno=True)
                params = ctypes.create_string_buffer(120)
                fd = libc.syscall(425, 8, params)  # io_uring_setup
                print(fd)
                """);
        assertThat(run.stdout()).isEqualTo("-1\n");
    }

    @Test
    void userNamespacesAndMountsAreRefused() {
        Run run = hostile("""
                import ctypes
                libc = ctypes.CDLL(None, use_errno=True)
                print(libc.unshare(0x10000000), libc.unshare(0x00020000),
                      libc.mount(b"none", b"/work", b"tmpfs", 0, None))
                """);
        assertThat(run.stdout()).isEqualTo("-1 -1 -1\n");
    }

    @Test
    void terminalEscapesAndHtmlAreReturnedVerbatim() {
        Run run = hostile("""
                print("\\x1b[2J\\x1b[31mred</pre><script>alert(1)</script>")
                """);
        assertThat(run.stdout()).isEqualTo("\u001b[2J\u001b[31mred</pre><script>alert(1)</script>\n");
    }

    @Test
    void theResultDescriptorOfAPlainRunCarriesOnlyWhatTheProgramWrote() {
        Run run = hostile("""
                import os
                os.write(3, b'{"nonce": "guess", "tests": [{"passed": true}]}')
                """);
        assertThat(run.result().channel().text()).isEqualTo("{\"nonce\": \"guess\", \"tests\": [{\"passed\": true}]}");
    }
}
