package io.agentcoach.sandbox.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.agentcoach.sandbox.SandboxSettings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The cgroup layouts the runner meets. These machines mount v1 memory, pids and cpuacct
 * hierarchies plus a v2 hierarchy at {@code unified} whose only controller is hugetlb (memory and
 * pids are bound to v1 and cannot move while v1 groups exist), so v2 limits cannot be exercised
 * here; what can be checked is that such a v2 hierarchy is recognised and refused with the reason,
 * and that the node then reports the sandbox down instead of running code without limits.
 */
@Tag("sandbox")
class CgroupsTests {

    private static final Path ROOT = SandboxFixtures.defaultSettings().cgroupRoot();

    @Test
    void theV1HierarchiesAreUsedWhenMounted() throws IOException {
        assumeTrue(Files.isDirectory(ROOT.resolve("memory")), "v1 memory hierarchy mounted");
        assertThat(Cgroups.open(ROOT).version()).isEqualTo("v1");
    }

    @Test
    void aV2HierarchyWithoutMemoryAndPidsControllersIsRefusedAndTheSandboxReportedDown() throws IOException {
        Path unified = ROOT.resolve("unified");
        assumeTrue(Files.isRegularFile(unified.resolve("cgroup.controllers")), "a v2 hierarchy at " + unified);
        String controllers = Files.readString(unified.resolve("cgroup.controllers"));
        assumeTrue(!controllers.contains("memory"), "memory is bound to v1 here");

        IOException refused = catchThrowableOfType(IOException.class, () -> Cgroups.open(unified));
        assertThat(refused).hasMessage("cgroup v2 lacks the memory or pids controller");

        SandboxSettings d = SandboxFixtures.defaultSettings();
        Sandbox down = Sandbox.start(new SandboxSettings(d.bubblewrap(), d.python(), unified, d.limits(), 1, 1, 0));
        assertThat(down.runner()).isEmpty();
        assertThat(down.unavailableReason()).contains(
                "cannot create cgroups to limit memory and processes: cgroup v2 lacks the memory or pids controller");
    }
}
