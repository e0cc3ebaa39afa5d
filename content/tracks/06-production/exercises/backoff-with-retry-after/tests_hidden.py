import random

from agentlab import (ContextWindowExceededError, FakeClock, RateLimitError, ScriptedModel,
                      TransientModelError, user)

from solution import backoff_delay, call_with_retries


def run(script, **kwargs):
    model = ScriptedModel(script)
    clock = FakeClock()
    kwargs.setdefault("rng", random.Random(42))
    return model, clock, (lambda: call_with_retries(lambda: model.complete([user("hi")]), clock=clock, **kwargs))


def test_retry_after_overrides_shorter_backoff():
    model, clock, go = run([RateLimitError(retry_after=2), TransientModelError("503"), "ok"], rng=random.Random(7))
    assert go().content == "ok"
    twin = random.Random(7)
    first_jitter = twin.uniform(0, 0.5)
    second = twin.uniform(0, 1.0)
    assert clock.sleeps == [2.0, second], \
        f"wait max(backoff, Retry-After) and draw exactly one jitter per retry; expected {[2.0, second]}, got {clock.sleeps}"


def test_non_retryable_model_error_is_not_retried():
    model, clock, go = run([ContextWindowExceededError(9000, 8000), "never"])
    try:
        go()
    except ContextWindowExceededError:
        pass
    else:
        raise AssertionError("a context-window error fails the same way every time: do not retry it")
    assert len(model.calls) == 1 and clock.sleeps == [], "no retry and no sleep for a non-retryable error"


def test_other_exceptions_propagate_immediately():
    calls = []

    def fn():
        calls.append(1)
        raise ValueError("bad input")

    try:
        call_with_retries(fn, clock=FakeClock(), rng=random.Random(0))
    except ValueError:
        pass
    assert calls == [1]


def test_max_attempts_and_original_error():
    errors = [TransientModelError(f"503 #{i}") for i in range(5)]
    model, clock, go = run(list(errors), max_attempts=3)
    try:
        go()
    except TransientModelError as exc:
        assert exc is errors[2], "re-raise the error from the last attempt itself"
    else:
        raise AssertionError("after max_attempts failures the error must be raised")
    assert len(model.calls) == 3, f"max_attempts=3 means 3 calls, got {len(model.calls)}"
    assert len(clock.sleeps) == 2, "3 attempts need 2 waits"


def test_cap_limits_exponential_growth():
    rng, twin = random.Random(5), random.Random(5)
    value = backoff_delay(10, base=1.0, cap=4.0, rng=rng)
    assert value == twin.uniform(0, 4.0), "the exponential term is capped before jitter is applied"


def test_deadline_stops_without_sleeping():
    model, clock, go = run([RateLimitError(retry_after=20), RateLimitError(retry_after=20), "ok"], deadline=30.0)
    try:
        go()
    except RateLimitError:
        pass
    else:
        raise AssertionError("a second 20 s wait would pass the 30 s deadline: give up and raise")
    assert clock.sleeps == [20.0], f"only the first wait fits in the deadline; sleeps were {clock.sleeps}"
    assert len(model.calls) == 2


def test_deadline_counts_time_spent_in_calls():
    clock = FakeClock()
    calls = []

    def slow():
        calls.append(1)
        clock.advance(12)
        raise TransientModelError("timeout")

    try:
        call_with_retries(slow, clock=clock, rng=random.Random(0), deadline=30.0, max_attempts=10)
    except TransientModelError:
        pass
    assert len(calls) == 3, f"each call takes 12 s of a 30 s deadline; expected 3 calls, got {len(calls)}"
