"""A sequential crew whose outputs are checked by a reviewer."""


def run_crew(tasks, agents, reviewer, max_revisions=2):
    """Run `tasks` in order; each output must be approved by `reviewer`.

    agents: {name: callable(description, context, feedback) -> str}
    reviewer: callable(task_name, output) -> {"approved": bool, "feedback": str}

    Returns {"status", "outputs", "attempts", "failed_task"} as described in the statement.
    This first cut runs every task once and never consults the reviewer.
    """
    outputs = {}
    attempts = {}
    context = []
    for task in tasks:
        agent = agents[task["agent"]]
        output = agent(task["description"], list(context), None)
        outputs[task["name"]] = output
        attempts[task["name"]] = 1
        context.append(output)
    return {"status": "completed", "outputs": outputs, "attempts": attempts, "failed_task": None}
