from solution import run_crew

TASKS = [
    {"name": "research", "agent": "researcher", "description": "List two facts about token buckets"},
    {"name": "write", "agent": "writer", "description": "Write a one-line summary"},
]


def approve_all(task_name, output):
    return {"approved": True, "feedback": ""}


def test_runs_tasks_in_order_and_passes_context():
    seen = []

    def researcher(description, context, feedback):
        seen.append(("researcher", list(context), feedback))
        return "facts: capacity, refill rate"

    def writer(description, context, feedback):
        seen.append(("writer", list(context), feedback))
        return "A bucket with a capacity and a refill rate."

    result = run_crew(TASKS, {"researcher": researcher, "writer": writer}, approve_all)
    assert result["status"] == "completed", f"every output was approved, expected status 'completed', got {result['status']!r}"
    assert result["outputs"] == {"research": "facts: capacity, refill rate",
                                 "write": "A bucket with a capacity and a refill rate."}, f"unexpected outputs {result['outputs']}"
    assert seen[0] == ("researcher", [], None), f"the first task should get an empty context and feedback None, got {seen[0]}"
    assert seen[1] == ("writer", ["facts: capacity, refill rate"], None), \
        f"the second task should see the first task's approved output as context, got {seen[1]}"
    assert result["attempts"] == {"research": 1, "write": 1}
    assert result["failed_task"] is None


def test_revision_receives_reviewer_feedback():
    calls = []

    def researcher(description, context, feedback):
        calls.append(feedback)
        return "with sources" if feedback else "no sources"

    def reviewer(task_name, output):
        if output == "no sources":
            return {"approved": False, "feedback": "add sources"}
        return {"approved": True, "feedback": ""}

    result = run_crew(TASKS[:1], {"researcher": researcher}, reviewer)
    assert calls == [None, "add sources"], f"the revision should receive the reviewer's feedback; agent saw {calls}"
    assert result["outputs"] == {"research": "with sources"}
    assert result["attempts"] == {"research": 2}
