from solution import supervise


def capped(decision_fn, limit=20):
    calls = []

    def supervisor(request, history):
        calls.append(len(history))
        if len(calls) > limit:
            raise AssertionError("the supervisor was called far more often than max_rounds allows")
        return decision_fn(len(calls), history)
    return supervisor, calls


def test_invalid_decisions_count_as_rounds():
    sup, calls = capped(lambda n, h: {"next": "ghost", "instruction": "boo"})
    result = supervise("q", sup, {"researcher": lambda i: "x"}, max_rounds=3)
    assert len(calls) == 3, f"invalid decisions must use up rounds: expected 3 supervisor calls, got {len(calls)}"
    assert result["status"] == "max_rounds" and result["answer"] is None and result["rounds"] == 3
    assert len(result["history"]) == 3 and all("error" in e for e in result["history"])


def test_malformed_json_and_non_dict():
    answers = ['{"next": "researcher", ', '["researcher"]', {"next": "FINISH", "answer": "ok"}]
    sup, _ = capped(lambda n, h: answers[n - 1])
    result = supervise("q", sup, {"researcher": lambda i: "x"})
    assert result["status"] == "finished" and result["rounds"] == 3
    assert [("error" in e) for e in result["history"]] == [True, True], \
        f"malformed JSON and a JSON list should each give one error entry, history was {result['history']}"


def test_empty_instruction_is_invalid():
    called = []
    answers = [{"next": "researcher", "instruction": "   "}, {"next": "FINISH", "answer": "ok"}]
    sup, _ = capped(lambda n, h: answers[n - 1])
    supervise("q", sup, {"researcher": lambda i: called.append(i) or "x"})
    assert called == [], "a worker must not be called with an empty instruction"


def test_worker_exception_is_recorded_and_loop_continues():
    def broken(instruction):
        raise TimeoutError("sandbox timeout")

    answers = [{"next": "coder", "instruction": "run tests"},
               {"next": "researcher", "instruction": "look it up"},
               {"next": "FINISH"}]
    sup, _ = capped(lambda n, h: answers[n - 1])
    result = supervise("q", sup, {"coder": broken, "researcher": lambda i: "found it"})
    assert result["history"][0] == {"round": 1, "worker": "coder", "instruction": "run tests",
                                    "error": "sandbox timeout"}, f"unexpected first entry {result['history'][0]}"
    assert result["answer"] == "found it", "without an explicit answer, FINISH returns the last successful output"


def test_repeat_delegation_is_refused():
    runs = []
    answers = [{"next": "researcher", "instruction": "search X"},
               {"next": "researcher", "instruction": "search X"},
               {"next": "FINISH", "answer": "stop"}]
    sup, _ = capped(lambda n, h: answers[n - 1])
    result = supervise("q", sup, {"researcher": lambda i: runs.append(i) or "result"})
    assert runs == ["search X"], "an identical repeat of the previous delegation must not call the worker again"
    assert "repeat" in result["history"][1].get("error", ""), "record the refused repeat as an error mentioning 'repeat'"


def test_supervisor_gets_a_copy_of_history():
    def fn(n, history):
        history.append({"round": 99, "output": "injected"})
        return {"next": "FINISH"} if n == 2 else {"next": "researcher", "instruction": "go"}

    sup, _ = capped(fn)
    result = supervise("q", sup, {"researcher": lambda i: "real"})
    assert all(e.get("output") != "injected" for e in result["history"]), \
        "the supervisor must receive a copy; its changes must not alter the real history"
    assert result["answer"] == "real"


def test_finish_without_any_work_gives_none():
    sup, _ = capped(lambda n, h: '{"next": "FINISH"}')
    result = supervise("q", sup, {"researcher": lambda i: "x"})
    assert result == {"status": "finished", "rounds": 1, "answer": None, "history": []}, f"got {result}"
