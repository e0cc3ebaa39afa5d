from agentlab import ScriptedModel

from solution import generate_valid_ticket, validate_ticket

VALID = ('{"title": "  Refund duplicate charge  ", "priority": "high", "estimate_hours": 2, '
         '"labels": ["billing"], "due": "2026-03-01"}')


def test_valid_ticket():
    ticket, errors = validate_ticket(VALID)
    assert errors == [], f"this ticket is valid, got errors {errors}"
    assert ticket["title"] == "Refund duplicate charge", "the title is returned stripped"


def test_invalid_priority():
    ticket, errors = validate_ticket(VALID.replace('"high"', '"urgent"'))
    assert ticket is None and len(errors) == 1 and errors[0].startswith("priority:"), f"got {errors}"


def test_repair_loop_succeeds_on_second_attempt():
    model = ScriptedModel([VALID.replace('"high"', '"urgent"'), VALID])
    result = generate_valid_ticket(model, "Create a ticket for: charged twice for order 8812")
    assert result["ok"] is True and result["attempts"] == 2, f"got {result}"
    feedback = model.calls[1].messages[-1]["content"]
    assert "Your output was invalid:" in feedback and "- priority:" in feedback, \
        f"the second request must tell the model exactly what was wrong; it said {feedback!r}"
