from solution import run_goal_loop


def planner(actions, tokens=10):
    actions = list(actions)

    def propose(goal, history):
        assert actions, "propose was called more often than expected"
        action, args = actions.pop(0)
        return {"action": action, "args": args, "tokens": tokens}
    return propose


def executor(progress_values, tokens=5, log=None):
    values = list(progress_values)

    def execute(action, args):
        if log is not None:
            log.append((action, args))
        return {"output": "ok", "tokens": tokens, "progress": values.pop(0)}
    return execute


def test_argument_order_does_not_hide_a_repeat():
    propose = planner([("search", {"q": "battery", "site": "a.com"}),
                       ("search", {"site": "a.com", "q": "battery"}),
                       ("search", {"q": "battery", "site": "a.com"})])
    result = run_goal_loop("g", propose, executor([1, 2, 3]), lambda h: False, repeat_limit=2)
    assert result["status"] == "stalled" and result["iterations"] == 2, \
        "the same arguments in a different order are the same action"


def test_budget_checked_before_executing():
    log = []
    propose = planner([("a", {}), ("b", {})], tokens=60)
    result = run_goal_loop("g", propose, executor([1, 2], tokens=30, log=log), lambda h: False,
                           token_budget=100)
    assert result["status"] == "budget_exhausted"
    assert log == [("a", {})], f"the second proposal pushes usage to 150 > 100, so 'b' must not run; executed {log}"
    assert result["tokens_used"] == 150 and result["iterations"] == 1


def test_budget_after_execution():
    propose = planner([("a", {}), ("b", {})], tokens=10)
    result = run_goal_loop("g", propose, executor([1, 2], tokens=95), lambda h: False, token_budget=100)
    assert result["status"] == "budget_exhausted" and result["iterations"] == 1


def test_budget_exactly_reached_is_allowed():
    propose = planner([("a", {}), ("b", {})], tokens=25)
    result = run_goal_loop("g", propose, executor([1, 2], tokens=25), lambda h: len(h) == 2, token_budget=100)
    assert result["status"] == "done", "using exactly the budget is allowed; only exceeding it stops the loop"


def test_done_wins_over_budget_on_same_step():
    propose = planner([("a", {})], tokens=10)
    result = run_goal_loop("g", propose, executor([1], tokens=500), lambda h: True, token_budget=100)
    assert result["status"] == "done", "verification happens before the post-execution budget check"


def test_no_progress_window():
    actions = [(f"step{i}", {}) for i in range(10)]
    result = run_goal_loop("g", planner(actions), executor([1, 2, 2, 2, 2, 9, 9, 9, 9, 9]), lambda h: False,
                           window=3, max_iterations=10)
    assert result["status"] == "stalled" and result["iterations"] == 5, \
        f"progress 2 -> 2 over 3 steps is a stall at iteration 5; got {result['status']} at {result['iterations']}"


def test_progress_resets_stall_detection():
    actions = [(f"step{i}", {}) for i in range(6)]
    result = run_goal_loop("g", planner(actions), executor([1, 1, 1, 2, 2, 2]), lambda h: False,
                           window=3, max_iterations=6)
    assert result["status"] == "max_iterations", \
        f"progress 1 -> 2 across each 3-step window is slow but real progress; got {result['status']}"
    assert result["iterations"] == 6


def test_is_done_cannot_corrupt_history():
    def is_done(history):
        history.clear()
        return False

    result = run_goal_loop("g", planner([("a", {}), ("b", {})]), executor([1, 2]), is_done, max_iterations=2)
    assert len(result["history"]) == 2, "pass copies of the history to callbacks"
