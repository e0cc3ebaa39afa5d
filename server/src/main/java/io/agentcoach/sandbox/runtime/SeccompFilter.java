package io.agentcoach.sandbox.runtime;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A classic-BPF seccomp program for bubblewrap's {@code --seccomp}: refuses the system calls that
 * only widen the kernel's attack surface for a learner's program (io_uring, ptrace, bpf, keyrings,
 * mounts, new namespaces, module loading) with EPERM, and clone3 with ENOSYS so the C library falls
 * back to clone, whose namespace flags the filter can inspect.
 */
final class SeccompFilter {

    private static final int LD_W_ABS = 0x20;
    private static final int JEQ_K = 0x15;
    private static final int JGE_K = 0x35;
    private static final int JSET_K = 0x45;
    private static final int RET_K = 0x06;
    private static final int RET_ALLOW = 0x7fff0000;
    private static final int RET_KILL_PROCESS = 0x80000000;
    private static final int RET_EPERM = 0x00050000 | 1;
    private static final int RET_ENOSYS = 0x00050000 | 38;
    /** CLONE_NEWNS | NEWCGROUP | NEWUTS | NEWIPC | NEWUSER | NEWPID | NEWNET. */
    private static final int CLONE_NEW_NAMESPACES = 0x7E020000;
    private static final int X32_SYSCALL_BIT = 0x40000000;

    /** The refused calls by architecture; plus the numbers of clone3 and clone and whether the x32 ABI exists. */
    private record Table(int auditArch, int[] refused, int clone3, int cloneNr, boolean x32) {
    }

    private static final Map<String, Table> TABLES = Map.of(
            "amd64", new Table(0xC000003E, new int[] {
                101, 165, 166, 155, 272, 308, 250, 248, 249, 321, 298, 323, 425, 426, 427, 304, 246, 175, 313, 176,
                167, 168, 169, 163, 428, 429, 430, 431, 432, 442}, 435, 56, true),
            "aarch64", new Table(0xC00000B7, new int[] {
                117, 40, 39, 41, 97, 268, 219, 217, 218, 280, 241, 282, 425, 426, 427, 265, 104, 105, 273, 106,
                224, 225, 142, 89, 428, 429, 430, 431, 432, 442}, 435, 220, false));

    private SeccompFilter() {
    }

    /** The program for this JVM's architecture, or empty when there is no table for it. */
    static Optional<byte[]> forThisMachine() {
        return Optional.ofNullable(TABLES.get(System.getProperty("os.arch"))).map(SeccompFilter::compile);
    }

    private static byte[] compile(Table table) {
        List<int[]> program = new ArrayList<>();
        // instructions as {code, jt-label, jf-label, k}; labels: -1 = next, -2 = DENY, -3 = ENOSYS, -4 = CLONE
        program.add(new int[] {LD_W_ABS, -1, -1, 4});
        program.add(new int[] {JEQ_K, 1, 0, table.auditArch()});
        program.add(new int[] {RET_K, -1, -1, RET_KILL_PROCESS});
        program.add(new int[] {LD_W_ABS, -1, -1, 0});
        if (table.x32()) {
            program.add(new int[] {JGE_K, -2, 0, X32_SYSCALL_BIT});
        }
        for (int nr : table.refused()) {
            program.add(new int[] {JEQ_K, -2, 0, nr});
        }
        program.add(new int[] {JEQ_K, -3, 0, table.clone3()});
        program.add(new int[] {JEQ_K, -4, 0, table.cloneNr()});
        program.add(new int[] {RET_K, -1, -1, RET_ALLOW});
        int clone = program.size();
        program.add(new int[] {LD_W_ABS, -1, -1, 16});
        program.add(new int[] {JSET_K, -2, 0, CLONE_NEW_NAMESPACES});
        program.add(new int[] {RET_K, -1, -1, RET_ALLOW});
        int deny = program.size();
        program.add(new int[] {RET_K, -1, -1, RET_EPERM});
        int enosys = program.size();
        program.add(new int[] {RET_K, -1, -1, RET_ENOSYS});

        ByteBuffer bytes = ByteBuffer.allocate(program.size() * 8).order(ByteOrder.nativeOrder());
        for (int pc = 0; pc < program.size(); pc++) {
            int[] insn = program.get(pc);
            bytes.putShort((short) insn[0]);
            bytes.put((byte) jump(insn[1], pc, deny, enosys, clone));
            bytes.put((byte) jump(insn[2], pc, deny, enosys, clone));
            bytes.putInt(insn[3]);
        }
        return bytes.array();
    }

    private static int jump(int label, int pc, int deny, int enosys, int clone) {
        int target = switch (label) {
            case -1 -> pc + 1;
            case -2 -> deny;
            case -3 -> enosys;
            case -4 -> clone;
            default -> pc + 1 + label;
        };
        int offset = target - pc - 1;
        if (offset < 0 || offset > 255) {
            throw new IllegalStateException("seccomp jump out of range");
        }
        return offset;
    }
}
