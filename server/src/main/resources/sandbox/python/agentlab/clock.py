"""A fake clock so retries, backoff, rate limits, timeouts and caches test instantly."""

from __future__ import annotations


class FakeClock:
    """A manually advanced clock.

    Pass ``clock.now`` where code expects ``time.monotonic`` and ``clock.sleep`` where it
    expects ``time.sleep``. Sleeping advances time immediately and is recorded in
    :attr:`sleeps`, so a test can assert the exact backoff schedule.
    """

    def __init__(self, start: float = 0.0) -> None:
        self._now = float(start)
        #: Every duration passed to :meth:`sleep`, in order.
        self.sleeps: list[float] = []

    def now(self) -> float:
        """Current time in seconds."""
        return self._now

    # Aliases so the clock can stand in for the time module's functions.
    time = now
    monotonic = now

    def sleep(self, seconds: float) -> None:
        """Record ``seconds`` and advance the clock by it. Negative values are rejected."""
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        self.sleeps.append(float(seconds))
        self._now += float(seconds)

    def advance(self, seconds: float) -> None:
        """Move time forward without recording a sleep (time passing elsewhere)."""
        if seconds < 0:
            raise ValueError("time cannot go backwards")
        self._now += float(seconds)

    @property
    def total_slept(self) -> float:
        """Sum of all recorded sleeps."""
        return sum(self.sleeps)
