package io.agentcoach.coaching;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A learner's request to stop one answer while it streams (the web app's Stop button, a closed
 * connection). Whoever streams the answer registers what stopping means for it (cancelling the
 * provider's stream); stopping runs each registered action once, at once if the answer was already
 * stopped when the action was registered.
 */
public final class AnswerStop {

    private final AtomicBoolean stopped = new AtomicBoolean();
    private final List<Runnable> actions = new CopyOnWriteArrayList<>();

    /** Stops the answer; later calls do nothing. */
    public void stop() {
        if (stopped.compareAndSet(false, true)) {
            actions.forEach(this::runOnce);
        }
    }

    public boolean stopped() {
        return stopped.get();
    }

    /**
     * Runs {@code action} when the answer is stopped, or now if it already is.
     *
     * @return removes the action once what it would stop has ended
     */
    public Runnable onStop(Runnable action) {
        actions.add(action);
        if (stopped.get()) {
            runOnce(action);
        }
        return () -> actions.remove(action);
    }

    /** Both {@link #stop()} and a late {@link #onStop} may see an action; only the one that removes it runs it. */
    private void runOnce(Runnable action) {
        if (actions.remove(action)) {
            action.run();
        }
    }
}
