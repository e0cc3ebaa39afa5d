import json

from agentlab import ScriptedModel

from solution import generate_valid_ticket, validate_ticket

BASE = {"title": "Refund duplicate charge", "priority": "high", "estimate_hours": 2,
        "labels": ["billing"], "due": "2026-03-01"}


def raw(**changes):
    data = dict(BASE)
    for key, value in changes.items():
        if value is ...:
            del data[key]
        else:
            data[key] = value
    return json.dumps(data)


def fields(errors):
    return sorted(e.split(":", 1)[0] for e in errors)


def test_boolean_is_not_an_integer():
    _, errors = validate_ticket(raw(estimate_hours=True))
    assert fields(errors) == ["estimate_hours"], "true is a boolean, not an integer number of hours"
    _, errors = validate_ticket(raw(estimate_hours=2.5))
    assert fields(errors) == ["estimate_hours"], "2.5 is not an integer"
    _, errors = validate_ticket(raw(estimate_hours="3"))
    assert fields(errors) == ["estimate_hours"], "'3' is a string"


def test_all_errors_reported():
    _, errors = validate_ticket(raw(priority="urgent", estimate_hours=0, due="2026-02-30", owner="bob", labels=...))
    assert fields(errors) == ["due", "estimate_hours", "labels", "owner", "priority"], \
        f"report every problem, not just the first; got {errors}"


def test_code_fence_is_stripped():
    ticket, errors = validate_ticket("```json\n" + raw() + "\n```")
    assert errors == [] and ticket["priority"] == "high", f"a fenced JSON object is accepted; got {errors}"


def test_non_object_and_broken_json():
    for bad in ['["a"]', '{"title": ', "Sure! Here is your ticket."]:
        ticket, errors = validate_ticket(bad)
        assert ticket is None and len(errors) == 1 and errors[0].startswith("json:"), f"{bad!r} -> {errors}"


def test_title_rules():
    assert fields(validate_ticket(raw(title="<script>alert(1)</script>"))[1]) == ["title"], \
        "angle brackets are rejected because the title is rendered as HTML"
    assert fields(validate_ticket(raw(title="  ab  "))[1]) == ["title"], "length is measured after stripping"
    assert validate_ticket(raw(title="x" * 120))[1] == []
    assert fields(validate_ticket(raw(title="x" * 121))[1]) == ["title"]


def test_labels_and_date_shape():
    assert fields(validate_ticket(raw(labels=["a", "a"]))[1]) == ["labels"], "duplicate labels"
    assert fields(validate_ticket(raw(labels=list("abcdef")))[1]) == ["labels"], "more than 5 labels"
    assert validate_ticket(raw(labels=[]))[1] == []
    assert fields(validate_ticket(raw(due="1/3/2026"))[1]) == ["due"]
    assert fields(validate_ticket(raw(due="2026-3-1"))[1]) == ["due"], "the date must be exactly YYYY-MM-DD"


def test_gives_up_after_max_attempts():
    bad = raw(priority="urgent")
    model = ScriptedModel([bad, bad, bad, raw()])
    result = generate_valid_ticket(model, "make a ticket", max_attempts=3)
    assert result["ok"] is False and result["attempts"] == 3 and len(model.calls) == 3, f"got {result}"
    assert fields(result["errors"]) == ["priority"]


def test_feedback_lists_every_error():
    model = ScriptedModel([raw(priority="urgent", due="tomorrow"), raw()])
    result = generate_valid_ticket(model, "make a ticket")
    feedback = model.calls[1].messages[-1]["content"]
    assert "- priority:" in feedback and "- due:" in feedback, f"every error goes back to the model; got {feedback!r}"
    assert model.calls[1].messages[-2]["role"] == "assistant", "the invalid reply is kept as an assistant message"
    assert result == {"ok": True, "ticket": BASE, "attempts": 2}
