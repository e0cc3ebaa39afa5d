"""Plan an agent turn within a latency budget: finish times, critical path, optional steps."""


def earliest_finish(steps):
    """Finish time of every step when independent steps run in parallel.

    This first cut adds up all durations, as if everything ran one after another.
    """
    finish, clock = {}, 0.0
    for name, step in steps.items():
        clock += step["duration"]
        finish[name] = clock
    return finish


def critical_path(steps):
    """The chain of steps that determines the total latency, in execution order."""
    raise NotImplementedError("walk back from the last-finishing step through the latest dependencies")


def plan_within_budget(steps, budget):
    """Drop optional critical-path steps until the plan fits the budget."""
    raise NotImplementedError("drop the longest optional step on the critical path until the total fits")
