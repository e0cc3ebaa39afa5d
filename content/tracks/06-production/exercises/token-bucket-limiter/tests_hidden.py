from agentlab import FakeClock, count_message_tokens, user

from solution import TokenBucket, acquire_all, acquire_for_request


def drained(capacity=10, rate=2.0):
    clock = FakeClock()
    bucket = TokenBucket(capacity=capacity, refill_per_second=rate, clock=clock.now)
    assert bucket.try_acquire(capacity)
    return clock, bucket


def test_refill_is_capped_at_capacity():
    clock, bucket = drained()
    clock.advance(3600)
    assert abs(bucket.level - 10) < 1e-9, f"after an idle hour the bucket holds its capacity (10), not {bucket.level}"
    assert [bucket.try_acquire() for _ in range(11)].count(True) == 10


def test_failed_acquire_consumes_nothing():
    clock, bucket = drained()
    clock.advance(1.0)
    for _ in range(5):
        assert bucket.try_acquire(3) is False
    assert abs(bucket.level - 2.0) < 1e-9, f"rejected requests must not drain the bucket; level is {bucket.level}"
    assert bucket.try_acquire(2) is True


def test_fractional_level_wait():
    clock, bucket = drained()
    clock.advance(0.75)
    assert abs(bucket.wait_time(3) - 0.75) < 1e-9, "1.5 tokens present, 1.5 more needed at 2/s: 0.75 s"


def test_cost_above_capacity_is_an_error():
    clock = FakeClock()
    bucket = TokenBucket(capacity=5, refill_per_second=1, clock=clock.now)
    try:
        bucket.wait_time(6)
    except ValueError:
        return
    raise AssertionError("a cost larger than the capacity can never be paid: wait_time must raise ValueError")


def test_acquire_all_is_atomic():
    clock = FakeClock()
    rpm = TokenBucket(capacity=5, refill_per_second=1, clock=clock.now)
    tpm = TokenBucket(capacity=100, refill_per_second=10, clock=clock.now)
    assert tpm.try_acquire(90)
    assert acquire_all([(rpm, 1), (tpm, 50)]) is False
    assert abs(rpm.level - 5) < 1e-9, "when the token bucket refuses, the request bucket must not be charged"
    assert acquire_all([(rpm, 1), (tpm, 10)]) is True
    assert abs(rpm.level - 4) < 1e-9 and abs(tpm.level) < 1e-9


def test_acquire_for_request_waits_for_tokens():
    clock = FakeClock()
    rpm = TokenBucket(capacity=60, refill_per_second=1, clock=clock.now)
    tpm = TokenBucket(capacity=1000, refill_per_second=100, clock=clock.now)
    messages = [user("Summarise the attached incident report in three bullet points.")]
    cost = count_message_tokens(messages) + 600
    assert acquire_for_request(rpm, tpm, messages, 600, clock) == 0.0
    waited = acquire_for_request(rpm, tpm, messages, 600, clock)
    expected = (cost - (1000 - cost)) / 100
    assert expected > 0
    assert abs(waited - expected) < 1e-6, f"second call should wait {expected:.4f} s for tokens, waited {waited}"
    assert abs(clock.total_slept - waited) < 1e-9, "waiting must use clock.sleep"


def test_acquire_for_request_rejects_impossible_request():
    clock = FakeClock()
    rpm = TokenBucket(capacity=60, refill_per_second=1, clock=clock.now)
    tpm = TokenBucket(capacity=100, refill_per_second=10, clock=clock.now)
    try:
        acquire_for_request(rpm, tpm, [user("hi")], 500, clock)
    except ValueError:
        assert clock.sleeps == [], "reject immediately, without waiting"
        return
    raise AssertionError("a request that needs more tokens than the TPM capacity must raise ValueError")


def test_acquire_for_request_waits_for_requests():
    clock = FakeClock()
    rpm = TokenBucket(capacity=1, refill_per_second=0.5, clock=clock.now)
    tpm = TokenBucket(capacity=10_000, refill_per_second=1_000, clock=clock.now)
    acquire_for_request(rpm, tpm, [user("a")], 10, clock)
    waited = acquire_for_request(rpm, tpm, [user("b")], 10, clock)
    assert abs(waited - 2.0) < 1e-9, f"one request per 2 s: the second call waits 2 s, waited {waited}"
