import random

from agentlab import FakeClock, RateLimitError, ScriptedModel, TransientModelError, user

from solution import backoff_delay, call_with_retries


def test_backoff_delay_is_full_jitter():
    rng, twin = random.Random(1), random.Random(1)
    for attempt in (1, 2, 3, 4):
        expected = twin.uniform(0, 0.5 * 2 ** (attempt - 1))
        assert backoff_delay(attempt, base=0.5, cap=8.0, rng=rng) == expected, \
            f"attempt {attempt}: expected rng.uniform(0, {0.5 * 2 ** (attempt - 1)})"


def test_recovers_after_transient_errors():
    model = ScriptedModel([TransientModelError("503"), TransientModelError("503"), "Hello!"])
    clock = FakeClock()
    reply = call_with_retries(lambda: model.complete([user("hi")]), clock=clock, rng=random.Random(3))
    twin = random.Random(3)
    expected = [twin.uniform(0, 0.5), twin.uniform(0, 1.0)]
    assert reply.content == "Hello!"
    assert clock.sleeps == expected, f"expected sleeps {expected}, got {clock.sleeps}"
