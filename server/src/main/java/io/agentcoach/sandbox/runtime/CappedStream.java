package io.agentcoach.sandbox.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.agentcoach.sandbox.Output;

/**
 * Drains one stream of a run on its own thread, keeping at most what a shared budget allows;
 * when the budget runs out it calls {@code onExceeded} once (the runner stops the run).
 * Platform threads on purpose: blocking pipe reads and FIFO opens would pin virtual threads'
 * carriers and stall every other virtual thread of the node.
 */
final class CappedStream {

    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final ByteArrayOutputStream partialLine = new ByteArrayOutputStream();
    private final Consumer<String> lines;
    private final Thread thread;
    private volatile boolean truncated;

    CappedStream(String name, InputStream in, AtomicLong budget, Runnable onExceeded) {
        this(name, in, budget, onExceeded, null);
    }

    /** As the other constructor, and hands each complete line kept to {@code lines} as it arrives. */
    CappedStream(String name, InputStream in, AtomicLong budget, Runnable onExceeded, Consumer<String> lines) {
        this.lines = lines;
        this.thread = Thread.ofPlatform().daemon().name(name).start(() -> drain(in, budget, onExceeded));
    }

    private void drain(InputStream in, AtomicLong budget, Runnable onExceeded) {
        byte[] buffer = new byte[16 * 1024];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                long before = budget.getAndAdd(-n);
                int keep = (int) Math.max(0, Math.min(n, before));
                synchronized (kept) {
                    kept.write(buffer, 0, keep);
                }
                if (lines != null) {
                    emitLines(buffer, keep);
                }
                if (keep < n) {
                    truncated = true;
                    onExceeded.run();
                }
            }
        } catch (IOException e) {
            // the run was killed and the pipe closed under us: what was read so far stands
        }
    }

    private void emitLines(byte[] buffer, int length) {
        int start = 0;
        for (int i = 0; i < length; i++) {
            if (buffer[i] == '\n') {
                partialLine.write(buffer, start, i - start);
                String line = partialLine.toString(StandardCharsets.UTF_8);
                partialLine.reset();
                start = i + 1;
                try {
                    lines.accept(line);
                } catch (RuntimeException e) {
                    // a listener's failure must not stop the stream from being drained
                }
            }
        }
        partialLine.write(buffer, start, length - start);
    }

    /** Waits up to {@code millis} for the stream to end, then returns what was kept. */
    Output await(long millis) {
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] bytes;
        synchronized (kept) {
            bytes = kept.toByteArray();
        }
        // String's UTF-8 decoding replaces malformed input with U+FFFD
        return new Output(new String(bytes, StandardCharsets.UTF_8), truncated || thread.isAlive());
    }
}
