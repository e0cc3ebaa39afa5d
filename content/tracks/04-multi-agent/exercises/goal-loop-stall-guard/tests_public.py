from solution import run_goal_loop


def planner(actions, tokens=10):
    actions = list(actions)

    def propose(goal, history):
        assert actions, "propose was called more often than the test expected"
        action, args = actions.pop(0)
        return {"action": action, "args": args, "tokens": tokens}
    return propose


def executor(progress_values, tokens=5):
    values = list(progress_values)

    def execute(action, args):
        return {"output": f"ran {action}", "tokens": tokens, "progress": values.pop(0)}
    return execute


def test_stops_when_goal_is_verified():
    propose = planner([("fix", {"file": "a.py"}), ("fix", {"file": "b.py"}), ("run_tests", {})])
    result = run_goal_loop("green tests", propose, executor([1, 2, 3]), lambda h: h[-1]["progress"] >= 3)
    assert result["status"] == "done", f"expected 'done', got {result['status']!r} ({result['reason']})"
    assert result["iterations"] == 3 and result["tokens_used"] == 45
    assert [h["action"] for h in result["history"]] == ["fix", "fix", "run_tests"]


def test_repeated_action_stalls():
    propose = planner([("search", {"q": "x"})] * 5)
    result = run_goal_loop("goal", propose, executor([1, 2, 3, 4, 5]), lambda h: False, repeat_limit=2)
    assert result["status"] == "stalled", f"the third identical search should stop the loop, got {result['status']!r}"
    assert result["iterations"] == 2, "the repeated action must not be executed a third time"
    assert result["reason"], "explain why the loop stopped"
