package io.agentcoach.coaching.web;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} messages per learner in any sliding minute, counted on this node. Answers
 * how long to wait when the limit is reached.
 */
final class MessageRateLimiter {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final int limit;
    private final Clock clock;
    private final Map<UUID, Deque<Long>> sent = new ConcurrentHashMap<>();

    MessageRateLimiter(int limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    /** Counts a message and returns zero, or returns how long until one more is allowed (not counted). */
    Duration tryAcquire(UUID userId) {
        long now = clock.millis();
        Deque<Long> times = sent.computeIfAbsent(userId, id -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() <= now - WINDOW.toMillis()) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                return Duration.ofMillis(times.peekFirst() + WINDOW.toMillis() - now);
            }
            times.addLast(now);
            return Duration.ZERO;
        }
    }
}
