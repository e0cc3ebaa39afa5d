from agentlab import ToolCall, assistant, count_message_tokens, tool_message

from solution import WindowedMemory

SYSTEM = "You are an operations agent."


def _tool_run(memory):
    memory.add({"role": "user", "content": "Check the status of the checkout and search services please"})
    memory.add(assistant(None, [ToolCall("service_status", {"service": "checkout"}, "c1"),
                                ToolCall("service_status", {"service": "search"}, "c2")]))
    memory.add(tool_message("c1", "checkout: healthy, p95 120 ms"))
    memory.add(tool_message("c2", "search: degraded, p95 2400 ms, error rate 4%"))
    memory.add({"role": "assistant", "content": "Checkout is healthy; search is degraded."})


def _sys_cost():
    return count_message_tokens([{"role": "system", "content": SYSTEM}])


def test_tool_call_and_results_stay_together():
    probe = WindowedMemory(SYSTEM, 10_000)
    _tool_run(probe)
    history = probe.history
    group_and_answer = count_message_tokens(history[1:])
    # Room for the final answer and one tool result, but not for the whole tool-call unit.
    budget = _sys_cost() + count_message_tokens(history[3:])
    assert budget < _sys_cost() + group_and_answer
    memory = WindowedMemory(SYSTEM, budget)
    _tool_run(memory)
    context = memory.context()
    assert context[1]["role"] != "tool", "a window must never start with a tool result whose request was dropped"
    assert [m["role"] for m in context] == ["system", "assistant"], (
        "the tool-call unit does not fit as a whole, so only the final answer is kept"
    )


def test_whole_unit_is_kept_when_it_fits():
    probe = WindowedMemory(SYSTEM, 10_000)
    _tool_run(probe)
    budget = _sys_cost() + count_message_tokens(probe.history[1:])
    memory = WindowedMemory(SYSTEM, budget)
    _tool_run(memory)
    roles = [m["role"] for m in memory.context()]
    assert roles == ["system", "assistant", "tool", "tool", "assistant"], (
        "the assistant tool-call message and both tool results form one unit; exact fit is allowed"
    )


def test_never_skips_a_unit_to_keep_older_ones():
    memory = WindowedMemory(SYSTEM, 0)
    memory.add({"role": "user", "content": "hi"})
    memory.add({"role": "assistant", "content": "hello"})
    memory.add({"role": "user", "content": "Please review this log: " + "timeout at gateway " * 30})
    memory.add({"role": "assistant", "content": "ok"})
    memory.max_tokens = _sys_cost() + count_message_tokens(memory.history[3:]) + count_message_tokens(memory.history[:2])
    context = memory.context()
    assert [m["content"] for m in context[1:]] == ["ok"], (
        "the window is a contiguous run of the most recent units; do not jump over the long message"
    )


def test_latest_unit_too_large_raises():
    memory = WindowedMemory(SYSTEM, _sys_cost() + 10)
    memory.add({"role": "user", "content": "This message is far too long for such a tiny budget of tokens."})
    try:
        memory.context()
    except ValueError:
        return
    raise AssertionError("when the system prompt plus the latest unit do not fit, raise ValueError")


def test_system_prompt_counts_against_the_budget():
    memory = WindowedMemory(SYSTEM, 0)
    memory.add({"role": "user", "content": "one"})
    memory.add({"role": "assistant", "content": "two"})
    memory.max_tokens = _sys_cost() + count_message_tokens(memory.history) - 1
    context = memory.context()
    assert count_message_tokens(context) <= memory.max_tokens, "the system message is part of the budget"
    assert [m["content"] for m in context[1:]] == ["two"]


def test_context_does_not_change_history():
    memory = WindowedMemory(SYSTEM, 40)
    _tool_run(memory)
    before = [dict(m) for m in memory.history]
    memory.context()
    memory.context()
    assert memory.history == before, "context() must not modify the stored history"
