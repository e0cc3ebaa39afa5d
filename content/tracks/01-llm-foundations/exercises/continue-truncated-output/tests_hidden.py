import copy

from agentlab import ModelResponse, ScriptedModel, Usage

from solution import CONTINUE_PROMPT, complete_json, complete_text

MESSAGES = [{"role": "system", "content": "Be precise."}, {"role": "user", "content": "Explain readiness probes."}]


def _cut(text, usage=Usage(10, 5)):
    return ModelResponse(text, finish_reason="length", usage=usage)


def test_continuation_request_carries_everything_so_far():
    model = ScriptedModel([_cut("Part one,"), _cut(" part two,"), " part three."])
    result = complete_text(model, MESSAGES, max_tokens=50, max_continuations=2)
    assert result.content == "Part one, part two, part three." and result.complete
    third = model.calls[2].messages
    assert third[:2] == MESSAGES, "continuations start from the original messages"
    assert third[2] == {"role": "assistant", "content": "Part one, part two,"}, (
        "send all text produced so far as one assistant message, so the model continues its own words"
    )
    assert third[3] == {"role": "user", "content": CONTINUE_PROMPT}
    assert len(third) == 4


def test_stops_after_max_continuations():
    model = ScriptedModel([_cut("a"), _cut("b"), _cut("c"), "never"])
    result = complete_text(model, MESSAGES, max_continuations=2)
    assert result.calls == 3 and len(model.calls) == 3, "one call plus at most max_continuations continuations"
    assert result.content == "abc" and result.complete is False, "still cut off: return the partial text, complete=False"


def test_zero_continuations():
    model = ScriptedModel([_cut("partial")])
    result = complete_text(model, MESSAGES, max_continuations=0)
    assert (result.content, result.complete, result.calls) == ("partial", False, 1)


def test_usage_is_summed_and_input_untouched():
    before = copy.deepcopy(MESSAGES)
    model = ScriptedModel([_cut("x", Usage(100, 20)), ModelResponse("y", usage=Usage(130, 4))])
    result = complete_text(model, MESSAGES)
    assert result.usage == Usage(230, 24), "usage is the sum over all calls"
    assert MESSAGES == before, "never modify the caller's messages"
    assert all(c.params.get("temperature") == 0 for c in model.calls)


def test_json_is_retried_fresh_with_a_larger_limit():
    model = ScriptedModel([_cut('{"title": "Export fai'), '{"title": "Export fails", "priority": "high"}'])
    result = complete_json(model, MESSAGES, max_tokens=60)
    assert result.content == '{"title": "Export fails", "priority": "high"}', "use the retried response, never glue JSON pieces"
    assert result.complete and result.calls == 2
    retry = model.calls[1]
    assert retry.messages == MESSAGES, "the retry is a fresh request with the original messages"
    assert retry.params == {"max_tokens": 120, "temperature": 0, "response_format": {"type": "json_object"}}, (
        "retry with twice the limit, temperature 0 and JSON mode"
    )


def test_json_retry_happens_once():
    model = ScriptedModel([_cut("{"), _cut('{"a":'), "never"])
    result = complete_json(model, MESSAGES, max_tokens=10)
    assert result.calls == 2 and result.complete is False and result.content == '{"a":'


def test_json_complete_first_time():
    model = ScriptedModel(['{"ok": true}'])
    result = complete_json(model, MESSAGES)
    assert (result.content, result.complete, result.calls) == ('{"ok": true}', True, 1)
    assert model.calls[0].params["response_format"] == {"type": "json_object"}
