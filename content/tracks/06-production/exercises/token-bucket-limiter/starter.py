"""Token buckets for client-side rate limiting of requests and tokens."""

from agentlab import count_message_tokens


class TokenBucket:
    """Allows bursts of up to `capacity` and a sustained rate of `refill_per_second`."""

    def __init__(self, capacity, refill_per_second, clock):
        self.capacity = float(capacity)
        self.rate = float(refill_per_second)
        self.clock = clock
        self._level = float(capacity)
        self._updated = clock()

    def _refill(self):
        now = self.clock()
        self._level += (now - self._updated) * self.rate
        self._updated = now

    @property
    def level(self):
        self._refill()
        return self._level

    def try_acquire(self, cost=1):
        """Take `cost` tokens if available; return whether it succeeded."""
        self._refill()
        self._level -= cost
        return self._level >= 0

    def wait_time(self, cost=1):
        """Seconds until `cost` tokens are available."""
        raise NotImplementedError("compute how long until the bucket holds `cost` tokens")


def acquire_all(requests):
    """All-or-nothing acquisition across (bucket, cost) pairs."""
    raise NotImplementedError("check every bucket first, then take from all of them")


def acquire_for_request(rpm, tpm, messages, max_tokens, clock):
    """Wait until one request and its tokens fit both buckets; return the seconds waited."""
    raise NotImplementedError("wait for both buckets, then acquire from both")
