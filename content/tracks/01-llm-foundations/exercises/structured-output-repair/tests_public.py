from agentlab import ScriptedModel

from solution import extract_ticket, parse_json_reply, validate_ticket

GOOD = '{"title": "Login button does nothing", "priority": "high", "tags": ["auth", "ui"]}'


def test_parses_a_plain_json_object():
    assert parse_json_reply(GOOD)["priority"] == "high", "a bare JSON object should parse to a dict"


def test_parses_json_inside_a_code_fence():
    reply = "```json\n" + GOOD + "\n```"
    assert parse_json_reply(reply)["title"] == "Login button does nothing", "strip a ```json fence before parsing"


def test_validation_reports_a_bad_priority():
    problems = validate_ticket({"title": "Crash on save", "priority": "urgent", "tags": []})
    assert problems and "priority" in problems[0], "'urgent' is not an allowed priority and must be reported"


def test_returns_the_ticket_when_the_first_reply_is_valid():
    model = ScriptedModel([GOOD])
    ticket = extract_ticket(model, "Clicking login does nothing on Safari.")
    assert ticket == {"title": "Login button does nothing", "priority": "high", "tags": ["auth", "ui"]}
    assert len(model.calls) == 1, "a valid first reply needs exactly one model call"


def test_repairs_an_invalid_reply():
    model = ScriptedModel(['{"title": "Crash on save", "priority": "urgent", "tags": []}',
                           '{"title": "Crash on save", "priority": "high", "tags": []}'])
    ticket = extract_ticket(model, "The app crashes when I save.")
    assert ticket["priority"] == "high", "the corrected second reply should be returned"
    assert len(model.calls) == 2, "one failed attempt and one repair"
