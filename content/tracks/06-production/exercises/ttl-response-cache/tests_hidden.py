from agentlab import FakeClock, ModelResponse, RateLimitError, ScriptedModel, ToolCall, assistant, user

from solution import TTLCache, cached_complete, make_key


def test_key_ignores_param_and_dict_order_but_not_message_order():
    m1 = [{"role": "user", "content": "a"}, {"role": "assistant", "content": "b"}]
    m1_reordered_keys = [{"content": "a", "role": "user"}, {"content": "b", "role": "assistant"}]
    assert make_key("m", m1, temperature=0, max_tokens=50) == make_key("m", m1_reordered_keys, max_tokens=50, temperature=0)
    assert make_key("m", m1) != make_key("m", list(reversed(m1))), "message order changes the conversation"


def test_key_includes_earlier_messages():
    a = [user("Tell me about Paris"), assistant("It is in France."), user("And its population?")]
    b = [user("Tell me about Rome"), assistant("It is in Italy."), user("And its population?")]
    assert make_key("m", a) != make_key("m", b), "the same last message in different conversations must not share a key"


def test_expired_exactly_at_ttl():
    clock = FakeClock(100.0)
    cache = TTLCache(ttl=60, clock=clock.now)
    cache.put("k", "v")
    clock.advance(59.5)
    assert cache.get("k") == "v"
    clock.advance(0.5)
    assert cache.get("k") is None, "an entry stored at t=100 with ttl=60 is expired at t=160"
    assert len(cache) == 0, "expired entries are removed when found"
    assert (cache.hits, cache.misses) == (1, 1)


def test_put_restarts_ttl():
    clock = FakeClock()
    cache = TTLCache(ttl=10, clock=clock.now)
    cache.put("k", "old")
    clock.advance(8)
    cache.put("k", "new")
    clock.advance(8)
    assert cache.get("k") == "new", "putting a key again stores it with a fresh timestamp"


def test_lru_eviction_counts_reads():
    clock = FakeClock()
    cache = TTLCache(ttl=1_000, clock=clock.now, max_entries=2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1
    cache.put("c", 3)
    assert cache.get("b") is None, "'b' was least recently used ('a' was just read) and must be evicted"
    assert cache.get("a") == 1 and cache.get("c") == 3
    assert len(cache) == 2


def test_truncated_and_tool_responses_not_cached():
    clock = FakeClock()
    cache = TTLCache(ttl=60, clock=clock.now)
    model = ScriptedModel(["A long answer that will certainly be cut off by max tokens", "short",
                           ToolCall("search", {"q": "x"}), ToolCall("search", {"q": "x"})])
    r1 = cached_complete(cache, model, [user("q1")], max_tokens=3)
    assert r1.finish_reason == "length"
    cached_complete(cache, model, [user("q1")], max_tokens=3)
    assert len(model.calls) == 2, "a truncated response (finish_reason 'length') must not be cached"
    cached_complete(cache, model, [user("q2")])
    cached_complete(cache, model, [user("q2")])
    assert len(model.calls) == 4, "tool-call responses must not be cached"


def test_errors_propagate_and_are_not_cached():
    clock = FakeClock()
    cache = TTLCache(ttl=60, clock=clock.now)
    model = ScriptedModel([RateLimitError(retry_after=1), "fine"])
    try:
        cached_complete(cache, model, [user("q")])
    except RateLimitError:
        pass
    else:
        raise AssertionError("model errors must propagate")
    assert cached_complete(cache, model, [user("q")]).content == "fine"
    assert len(cache) == 1


def test_empty_content_not_cached():
    clock = FakeClock()
    cache = TTLCache(ttl=60, clock=clock.now)
    model = ScriptedModel([ModelResponse(content=""), "real answer"])
    cached_complete(cache, model, [user("q")])
    assert cached_complete(cache, model, [user("q")]).content == "real answer", "an empty answer must not be cached"
