from solution import supervise


def scripted(decisions):
    decisions = list(decisions)

    def supervisor(request, history):
        assert decisions, "the supervisor was called more often than expected"
        return decisions.pop(0)
    return supervisor


def test_delegates_then_finishes_with_answer():
    sup = scripted(['{"next": "researcher", "instruction": "find the RPM quota"}',
                    {"next": "FINISH", "answer": "500 requests per minute"}])
    result = supervise("What is our RPM quota?", sup, {"researcher": lambda i: "The quota is 500 RPM."})
    assert result["status"] == "finished", f"expected status 'finished', got {result['status']!r}"
    assert result["rounds"] == 2
    assert result["answer"] == "500 requests per minute"
    assert result["history"] == [{"round": 1, "worker": "researcher", "instruction": "find the RPM quota",
                                  "output": "The quota is 500 RPM."}], f"unexpected history {result['history']}"


def test_unknown_worker_is_recorded_not_crashing():
    sup = scripted([{"next": "legal_agent", "instruction": "check the contract"},
                    {"next": "FINISH", "answer": "done"}])
    result = supervise("q", sup, {"researcher": lambda i: "x"})
    assert result["status"] == "finished"
    first = result["history"][0]
    assert "error" in first and "legal_agent" in first["error"], \
        f"an unknown worker should produce an error entry naming it, got {first}"
