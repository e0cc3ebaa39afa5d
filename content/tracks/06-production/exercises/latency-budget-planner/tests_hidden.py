import copy

from solution import critical_path, earliest_finish, plan_within_budget


def test_dropping_keeps_transitive_order():
    steps = {"retrieve": {"duration": 0.5},
             "rerank": {"duration": 0.25, "after": ["retrieve"], "optional": True},
             "generate": {"duration": 2.0, "after": ["rerank"]}}
    plan = plan_within_budget(steps, 2.6)
    assert plan["dropped"] == ["rerank"] and plan["total"] == 2.5, \
        f"after dropping rerank, generate still waits for retrieve: total 2.5; got {plan}"
    assert plan["critical_path"] == ["retrieve", "generate"]


def test_only_critical_path_steps_are_dropped():
    steps = {"router": {"duration": 0.25},
             "search": {"duration": 1.0, "after": ["router"]},
             "suggestions": {"duration": 1.5, "optional": True},
             "reflection": {"duration": 0.5, "after": ["search"], "optional": True},
             "answer": {"duration": 1.0, "after": ["reflection", "suggestions"]}}
    # critical path: router -> search -> reflection -> answer (2.75); suggestions finishes at 1.5
    plan = plan_within_budget(steps, 2.5)
    assert plan["dropped"] == ["reflection"], \
        f"dropping 'suggestions' (off the critical path) would not help; got {plan['dropped']}"
    assert plan["fits"] is True and plan["total"] == 2.5


def test_does_not_fit_without_optional_steps():
    steps = {"a": {"duration": 1.0}, "b": {"duration": 2.0, "after": ["a"]},
             "c": {"duration": 0.5, "optional": True}}
    plan = plan_within_budget(steps, 2.0)
    assert plan == {"fits": False, "dropped": [], "total": 3.0, "critical_path": ["a", "b"]}, f"got {plan}"


def test_drops_several_in_order():
    steps = {"a": {"duration": 1.0, "optional": True}, "b": {"duration": 2.0, "after": ["a"], "optional": True},
             "c": {"duration": 1.0, "after": ["b"]}}
    plan = plan_within_budget(steps, 1.0)
    assert plan["dropped"] == ["b", "a"] and plan["fits"] is True and plan["total"] == 1.0, f"got {plan}"


def test_input_not_modified():
    steps = {"retrieve": {"duration": 0.5}, "rerank": {"duration": 0.75, "after": ["retrieve"], "optional": True},
             "generate": {"duration": 2.0, "after": ["rerank"]}}
    before = copy.deepcopy(steps)
    plan_within_budget(steps, 1.0)
    assert steps == before, "plan_within_budget must work on a copy"


def test_tie_breaks_in_critical_path():
    steps = {"b": {"duration": 1.0}, "a": {"duration": 1.0}, "z": {"duration": 1.0, "after": ["b", "a"]},
             "y": {"duration": 1.0, "after": ["a"]}}
    assert critical_path(steps) == ["a", "y"], "equal finish times: choose the alphabetically first name"
    del steps["y"]
    assert critical_path(steps) == ["a", "z"], "equal dependency finish times: choose the alphabetically first name"


def test_errors_and_empty():
    try:
        earliest_finish({"a": {"duration": 1.0, "after": ["ghost"]}})
    except ValueError:
        pass
    else:
        raise AssertionError("an unknown dependency must raise ValueError")
    try:
        earliest_finish({"a": {"duration": 1.0, "after": ["b"]}, "b": {"duration": 1.0, "after": ["a"]}})
    except ValueError:
        pass
    else:
        raise AssertionError("a cycle must raise ValueError")
    assert critical_path({}) == [] and plan_within_budget({}, 1.0)["total"] == 0.0
