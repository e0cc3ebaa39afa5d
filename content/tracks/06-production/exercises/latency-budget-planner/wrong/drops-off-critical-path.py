"""Plan an agent turn within a latency budget: finish times, critical path, optional steps."""

import copy


def earliest_finish(steps):
    """Finish time of every step when independent steps run in parallel."""
    finish, visiting = {}, set()

    def visit(name):
        if name in finish:
            return finish[name]
        if name in visiting:
            raise ValueError(f"cycle through {name!r}")
        if name not in steps:
            raise ValueError(f"unknown dependency {name!r}")
        visiting.add(name)
        deps = steps[name].get("after", [])
        start = max((visit(d) for d in deps), default=0.0)
        visiting.discard(name)
        finish[name] = start + steps[name]["duration"]
        return finish[name]

    for name in steps:
        visit(name)
    return finish


def _pick(names, finish):
    return min(names, key=lambda n: (-finish[n], n))


def critical_path(steps):
    """The chain of steps that determines the total latency, in execution order."""
    if not steps:
        return []
    finish = earliest_finish(steps)
    path = [_pick(list(steps), finish)]
    while steps[path[-1]].get("after"):
        path.append(_pick(steps[path[-1]]["after"], finish))
    return list(reversed(path))


def _drop(steps, name):
    deps = steps[name].get("after", [])
    del steps[name]
    for step in steps.values():
        after = step.get("after", [])
        if name in after:
            rewired = []
            for d in after:
                for replacement in ([*deps] if d == name else [d]):
                    if replacement not in rewired:
                        rewired.append(replacement)
            step["after"] = rewired


def plan_within_budget(steps, budget):
    """Drop optional critical-path steps until the plan fits the budget."""
    plan = copy.deepcopy(steps)
    dropped = []
    while True:
        finish = earliest_finish(plan)
        total = max(finish.values(), default=0.0)
        path = critical_path(plan)
        if total <= budget:
            return {"fits": True, "dropped": dropped, "total": total, "critical_path": path}
        candidates = [n for n in plan if plan[n].get("optional")]
        if not candidates:
            return {"fits": False, "dropped": dropped, "total": total, "critical_path": path}
        victim = min(candidates, key=lambda n: (-plan[n]["duration"], n))
        _drop(plan, victim)
        dropped.append(victim)
