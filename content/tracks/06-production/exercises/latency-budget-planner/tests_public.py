from solution import critical_path, earliest_finish, plan_within_budget

STEPS = {"retrieve": {"duration": 0.5},
         "rerank": {"duration": 0.75, "after": ["retrieve"], "optional": True},
         "generate": {"duration": 2.0, "after": ["rerank"]},
         "moderate": {"duration": 0.25, "after": ["generate"], "optional": True}}


def test_parallel_steps_take_the_longest_branch():
    steps = {"weather_paris": {"duration": 0.8}, "weather_rome": {"duration": 0.6},
             "answer": {"duration": 1.0, "after": ["weather_paris", "weather_rome"]}}
    finish = earliest_finish(steps)
    assert finish == {"weather_paris": 0.8, "weather_rome": 0.6, "answer": 1.8}, \
        f"independent tool calls run in parallel; got {finish}"


def test_example_plan():
    assert critical_path(STEPS) == ["retrieve", "rerank", "generate", "moderate"]
    plan = plan_within_budget(STEPS, 3.0)
    assert plan["fits"] is True and plan["dropped"] == ["rerank"], f"got {plan}"
    assert plan["total"] == 2.75
