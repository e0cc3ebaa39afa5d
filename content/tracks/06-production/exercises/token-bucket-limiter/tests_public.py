from agentlab import FakeClock

from solution import TokenBucket


def test_burst_then_refill():
    clock = FakeClock()
    bucket = TokenBucket(capacity=10, refill_per_second=2, clock=clock.now)
    results = [bucket.try_acquire() for _ in range(11)]
    assert results.count(True) == 10 and results[-1] is False, "a full bucket of 10 allows a burst of exactly 10"
    clock.advance(0.5)
    assert bucket.try_acquire() is True, "0.5 s at 2 tokens/s refills one token"
    assert bucket.try_acquire() is False


def test_wait_time():
    clock = FakeClock()
    bucket = TokenBucket(capacity=10, refill_per_second=2, clock=clock.now)
    assert bucket.wait_time(3) == 0.0, "a full bucket can pay 3 right away"
    for _ in range(10):
        bucket.try_acquire()
    assert abs(bucket.wait_time(3) - 1.5) < 1e-9, f"3 tokens at 2/s take 1.5 s, got {bucket.wait_time(3)}"
