package io.agentcoach.practice.internal;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Tells whoever watches a submission on this node how its grading goes: when a grader claims it,
 * each test as the sandbox reports it, and when its outcome is committed. Delivery is in-process
 * and best effort; the submission's row stays the record (a watcher reads it when it subscribes
 * and when grading ends, so nothing it shows comes only from here).
 */
@Component
public class SubmissionUpdates {

    /** What a watcher hears; calls come from grading threads and must not block for long. */
    public interface Watcher {

        /** The submission's grading status changed: {@code running} (a grader claimed it) or {@code queued} again. */
        void status(UUID submissionId, String status);

        /** One test finished; hidden tests carry no message. */
        void test(UUID submissionId, Verdict.Test test);

        /** The outcome (graded or failed) is committed: read the submission now. */
        void finished(UUID submissionId);
    }

    private final Map<UUID, Set<Watcher>> watchers = new ConcurrentHashMap<>();

    /** Starts watching; returns what stops it. */
    public Runnable watch(UUID submissionId, Watcher watcher) {
        watchers.computeIfAbsent(submissionId, id -> ConcurrentHashMap.newKeySet()).add(watcher);
        return () -> watchers.computeIfPresent(submissionId, (id, set) -> {
            set.remove(watcher);
            return set.isEmpty() ? null : set;
        });
    }

    void status(UUID submissionId, String status) {
        each(submissionId, w -> w.status(submissionId, status));
    }

    void test(UUID submissionId, Verdict.Test test) {
        each(submissionId, w -> w.test(submissionId, test));
    }

    void finished(UUID submissionId) {
        each(submissionId, w -> w.finished(submissionId));
    }

    private void each(UUID submissionId, java.util.function.Consumer<Watcher> call) {
        Set<Watcher> set = watchers.get(submissionId);
        if (set == null) {
            return;
        }
        for (Watcher watcher : set) {
            try {
                call.accept(watcher);
            } catch (RuntimeException e) {
                // one broken watcher (a closed socket) must not stop grading or the others
            }
        }
    }
}
