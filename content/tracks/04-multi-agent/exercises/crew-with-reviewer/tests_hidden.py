from solution import run_crew

TASKS = [
    {"name": "research", "agent": "researcher", "description": "Research"},
    {"name": "write", "agent": "writer", "description": "Write"},
    {"name": "edit", "agent": "editor", "description": "Edit"},
]


def make_agent(name, log, outputs=None):
    def agent(description, context, feedback):
        log.append((name, list(context), feedback))
        if outputs:
            return outputs.pop(0)
        return f"{name}-output"
    return agent


def test_string_false_is_not_approval():
    log = []

    def reviewer(task_name, output):
        return {"approved": "false", "feedback": "still wrong"}

    result = run_crew(TASKS[:1], {"researcher": make_agent("researcher", log)}, reviewer, max_revisions=1)
    assert result["status"] == "rejected", "a verdict of approved='false' (a string) must count as a rejection"
    assert result["failed_task"] == "research"
    assert result["outputs"] == {}, "rejected output must not appear in outputs"


def test_missing_approved_key_is_rejection():
    log = []
    result = run_crew(TASKS[:1], {"researcher": make_agent("researcher", log)},
                      lambda t, o: {"feedback": "looks fine"}, max_revisions=0)
    assert result["status"] == "rejected", "a verdict without an 'approved' key is not an approval"


def test_rejection_stops_later_tasks():
    log = []
    agents = {n: make_agent(n, log) for n in ("researcher", "writer", "editor")}

    def reviewer(task_name, output):
        return {"approved": task_name != "write", "feedback": "too long"}

    result = run_crew(TASKS, agents, reviewer, max_revisions=2)
    assert result["status"] == "rejected" and result["failed_task"] == "write"
    assert [entry[0] for entry in log].count("editor") == 0, "tasks after a rejected task must not run"
    assert result["attempts"] == {"research": 1, "write": 3}, \
        f"with max_revisions=2 the writer gets 3 attempts; attempts were {result['attempts']}"
    assert result["outputs"] == {"research": "researcher-output"}


def test_context_uses_approved_revision_not_first_draft():
    log = []
    agents = {
        "researcher": make_agent("researcher", log, ["draft 1", "draft 2"]),
        "writer": make_agent("writer", log),
        "editor": make_agent("editor", log),
    }

    def reviewer(task_name, output):
        return {"approved": output != "draft 1", "feedback": "revise"}

    result = run_crew(TASKS, agents, reviewer)
    writer_context = [c for n, c, f in log if n == "writer"][0]
    editor_context = [c for n, c, f in log if n == "editor"][0]
    assert writer_context == ["draft 2"], f"context must contain the approved revision only, got {writer_context}"
    assert editor_context == ["draft 2", "writer-output"], f"context must list all approved outputs in order, got {editor_context}"
    assert result["status"] == "completed"


def test_feedback_is_latest_and_missing_feedback_is_empty_string():
    log = []
    verdicts = [{"approved": False, "feedback": "first note"}, {"approved": False}, {"approved": True}]

    def reviewer(task_name, output):
        return verdicts.pop(0)

    result = run_crew(TASKS[:1], {"researcher": make_agent("researcher", log)}, reviewer, max_revisions=2)
    feedbacks = [f for _, _, f in log]
    assert feedbacks == [None, "first note", ""], f"feedback per attempt should be [None, 'first note', ''], got {feedbacks}"
    assert result["status"] == "completed"


def test_zero_revisions_means_one_attempt():
    log = []
    result = run_crew(TASKS[:1], {"researcher": make_agent("researcher", log)},
                      lambda t, o: {"approved": False, "feedback": "no"}, max_revisions=0)
    assert len(log) == 1, f"max_revisions=0 allows exactly one attempt, the agent was called {len(log)} times"
    assert result["attempts"] == {"research": 1}


def test_unknown_agent_rejected_before_any_call():
    log = []
    tasks = TASKS[:1] + [{"name": "publish", "agent": "publisher", "description": "Publish"}]
    try:
        run_crew(tasks, {"researcher": make_agent("researcher", log)}, lambda t, o: {"approved": True})
    except ValueError as exc:
        assert "publisher" in str(exc), "the error should name the missing agent"
    else:
        raise AssertionError("a task with an unknown agent should raise ValueError")
    assert log == [], "validation must happen before any agent runs"
