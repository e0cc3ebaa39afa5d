"""Retry transient model errors with capped exponential backoff, full jitter and Retry-After."""

from agentlab import RateLimitError, TransientModelError

RETRYABLE = (RateLimitError, TransientModelError)


def backoff_delay(attempt, *, base=0.5, cap=8.0, rng):
    """Full-jitter delay before retry number `attempt` (1 = first retry)."""
    return base * 2 ** (attempt - 1)


def call_with_retries(fn, *, clock, rng, max_attempts=4, base=0.5, cap=8.0, deadline=30.0):
    """Call fn(), retrying RETRYABLE errors; return its result or re-raise the last error.

    This first cut retries with a growing delay but no jitter, cap, Retry-After or deadline.
    """
    for attempt in range(1, max_attempts + 1):
        try:
            return fn()
        except RETRYABLE:
            if attempt == max_attempts:
                raise
            clock.sleep(backoff_delay(attempt, base=base, cap=cap, rng=rng))
