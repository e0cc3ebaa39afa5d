"""A sequential crew whose outputs are checked by a reviewer."""


def run_crew(tasks, agents, reviewer, max_revisions=2):
    """Run `tasks` in order; each output must be approved by `reviewer`.

    agents: {name: callable(description, context, feedback) -> str}
    reviewer: callable(task_name, output) -> {"approved": bool, "feedback": str}

    Returns {"status", "outputs", "attempts", "failed_task"}.
    """
    for task in tasks:
        if task["agent"] not in agents:
            raise ValueError(f"task {task['name']!r} uses unknown agent {task['agent']!r}")

    outputs = {}
    attempts = {}
    approved_in_order = []
    for task in tasks:
        agent = agents[task["agent"]]
        feedback = None
        approved = False
        attempts[task["name"]] = 0
        for _ in range(1 + max_revisions):
            output = agent(task["description"], list(approved_in_order), feedback)
            attempts[task["name"]] += 1
            verdict = reviewer(task["name"], output)
            if not isinstance(verdict, dict):
                verdict = {}
            if verdict.get("approved"):
                approved = True
                break
            feedback = verdict.get("feedback", "")
        if not approved:
            return {"status": "rejected", "outputs": outputs, "attempts": attempts,
                    "failed_task": task["name"]}
        outputs[task["name"]] = output
        approved_in_order.append(output)
    return {"status": "completed", "outputs": outputs, "attempts": attempts, "failed_task": None}
