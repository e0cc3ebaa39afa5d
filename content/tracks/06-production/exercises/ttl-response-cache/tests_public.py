from agentlab import FakeClock, ScriptedModel, user

from solution import TTLCache, cached_complete, make_key


def test_hit_then_expiry():
    clock = FakeClock()
    cache = TTLCache(ttl=60, clock=clock.now)
    model = ScriptedModel(["9 to 5", "9 to 6"])
    messages = [user("What are your opening hours?")]
    first = cached_complete(cache, model, messages, temperature=0)
    second = cached_complete(cache, model, messages, temperature=0)
    assert first.content == "9 to 5" and second.content == "9 to 5", "the second call should be served from the cache"
    assert len(model.calls) == 1, f"the model should be called once, was called {len(model.calls)} times"
    clock.advance(61)
    third = cached_complete(cache, model, messages, temperature=0)
    assert third.content == "9 to 6" and len(model.calls) == 2, "after the TTL the model must be called again"


def test_key_depends_on_model_and_params():
    messages = [user("hi")]
    assert make_key("small-model", messages, temperature=0) == make_key("small-model", messages, temperature=0)
    assert make_key("small-model", messages, temperature=0) != make_key("large-model", messages, temperature=0)
    assert make_key("small-model", messages, temperature=0) != make_key("small-model", messages, temperature=1)
