"""Token buckets for client-side rate limiting of requests and tokens."""

from agentlab import count_message_tokens

_EPSILON = 1e-9


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
        elapsed = max(0.0, now - self._updated)
        self._level = min(self.capacity, self._level + elapsed * self.rate)
        self._updated = now

    @property
    def level(self):
        self._refill()
        return self._level

    def _can_pay(self, cost):
        return cost <= self._level + _EPSILON

    def _pay(self, cost):
        self._level = max(0.0, self._level - cost)

    def try_acquire(self, cost=1):
        """Take `cost` tokens if available; return whether it succeeded."""
        self._refill()
        if self._can_pay(cost):
            self._pay(cost)
            return True
        return False

    def wait_time(self, cost=1):
        """Seconds until `cost` tokens are available."""
        if cost > self.capacity:
            raise ValueError(f"cost {cost} exceeds the bucket capacity {self.capacity}")
        self._refill()
        if self._can_pay(cost):
            return 0.0
        return (cost - self._level) / self.rate


def acquire_all(requests):
    """All-or-nothing acquisition across (bucket, cost) pairs."""
    return all(bucket.try_acquire(cost) for bucket, cost in requests)


def acquire_for_request(rpm, tpm, messages, max_tokens, clock):
    """Wait until one request and its tokens fit both buckets; return the seconds waited."""
    tokens = count_message_tokens(messages) + max_tokens
    if tokens > tpm.capacity:
        raise ValueError(f"request needs {tokens} tokens but the TPM bucket holds at most {tpm.capacity}")
    waited = 0.0
    while not acquire_all([(rpm, 1), (tpm, tokens)]):
        wait = max(rpm.wait_time(1), tpm.wait_time(tokens))
        clock.sleep(wait)
        waited += wait
    return waited
