from agentlab import ScriptedModel

from solution import ExtractionError, extract_ticket, parse_json_reply

GOOD = '{"title": "Export fails for large files", "priority": "medium", "tags": ["export"]}'


def _raises_value_error(text):
    try:
        parse_json_reply(text)
    except ValueError:
        return True
    return False


def test_prose_around_the_object_is_ignored():
    reply = "Sure! Here is the ticket:\n" + GOOD + "\nLet me know if you need more."
    assert parse_json_reply(reply)["tags"] == ["export"], "take the span from the first { to the last }"


def test_fence_wins_over_braces_in_surrounding_prose():
    reply = "Using format {title, priority, tags}:\n```json\n" + GOOD + "\n```\nDone {ok}."
    assert parse_json_reply(reply)["priority"] == "medium", (
        "when the reply has a code fence, parse only what is inside it; braces in the prose are not JSON"
    )


def test_bare_fence_without_language():
    assert parse_json_reply("```\n" + GOOD + "\n```")["priority"] == "medium", "a ``` fence without 'json' also counts"


def test_non_objects_and_garbage_raise_value_error():
    assert _raises_value_error("[1, 2, 3]"), "a JSON list is not a ticket: raise ValueError"
    assert _raises_value_error("I could not decide."), "text with no JSON object must raise ValueError"
    assert _raises_value_error('{"title": "x",}'), "invalid JSON must raise ValueError, not json.JSONDecodeError leaking out"


def test_every_call_uses_temperature_zero_and_json_mode():
    model = ScriptedModel(["not json", GOOD])
    extract_ticket(model, "Exporting a 2 GB file fails.")
    for call in model.calls:
        assert call.params.get("temperature") == 0, "extraction calls should use temperature=0"
        assert call.params.get("response_format") == {"type": "json_object"}, "ask for JSON mode on every call"


def test_repair_turn_contains_the_bad_reply_and_the_specific_problem():
    bad = '{"title": "Export fails", "priority": "critical", "tags": ["export"]}'
    model = ScriptedModel([bad, GOOD])
    extract_ticket(model, "Exporting a 2 GB file fails.")
    second = model.calls[1].messages
    assert second[-2] == {"role": "assistant", "content": bad}, (
        "the model must see its own invalid reply as the previous assistant message"
    )
    assert second[-1]["role"] == "user" and second[-1]["content"].startswith("Your reply was invalid:"), (
        "follow the bad reply with a user message starting 'Your reply was invalid:'"
    )
    assert "priority" in second[-1]["content"] and "critical" in second[-1]["content"], (
        "the repair message must name the actual validation problem so the model can fix it"
    )


def test_all_problems_are_reported_not_just_the_first():
    bad = '{"title": "Bug", "priority": "soon", "tags": ["a"], "owner": "sam"}'
    model = ScriptedModel([bad, GOOD])
    extract_ticket(model, "report")
    feedback = model.calls[1].messages[-1]["content"]
    assert "title" in feedback and "priority" in feedback and "owner" in feedback, (
        "list every validation problem (short title, bad priority, unexpected field) in one repair message"
    )


def test_stops_after_max_attempts():
    model = ScriptedModel(["nope", "still nope", "no JSON here either", GOOD])
    try:
        extract_ticket(model, "report", max_attempts=3)
    except ExtractionError as exc:
        assert len(model.calls) == 3, "max_attempts=3 means at most three model calls"
        try:
            parse_json_reply("no JSON here either")
        except ValueError as last_problem:
            assert str(last_problem) in str(exc), "the ExtractionError message should include the last problem"
        return
    raise AssertionError("after max_attempts invalid replies, raise ExtractionError")


def test_single_attempt_means_no_repair():
    model = ScriptedModel(['{"title": "Short"}'])
    try:
        extract_ticket(model, "report", max_attempts=1)
    except ExtractionError:
        assert len(model.calls) == 1, "max_attempts=1 allows exactly one call"
        return
    raise AssertionError("an invalid reply with max_attempts=1 must raise ExtractionError")
