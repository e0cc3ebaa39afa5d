from agentlab import ScriptedModel, count_message_tokens

from solution import SUMMARIZER_PROMPT, SummarizingMemory

SYSTEM = "You are a billing assistant."


def _msg(i):
    return {"role": "user" if i % 2 == 0 else "assistant", "content": f"turn {i}: details about refund case {i}"}


def _budget_for(n_recent):
    return count_message_tokens([{"role": "system", "content": SYSTEM}] + [_msg(i) for i in range(n_recent)])


def test_evicts_all_but_keep_recent_and_sends_the_exact_request():
    model = ScriptedModel(["S1"])
    memory = SummarizingMemory(model, SYSTEM, max_tokens=_budget_for(4), keep_recent=2, summary_max_tokens=50)
    for i in range(5):
        memory.add(_msg(i))
    assert len(model.calls) == 1
    call = model.calls[0]
    assert call.messages[0] == {"role": "system", "content": SUMMARIZER_PROMPT}
    assert call.messages[1]["content"] == (
        "New messages:\n"
        "user: turn 0: details about refund case 0\n"
        "assistant: turn 1: details about refund case 1\n"
        "user: turn 2: details about refund case 2"
    ), "without an earlier summary the request has only the New messages block, one 'role: content' line each"
    assert call.params == {"temperature": 0, "max_tokens": 50}, "summarise at temperature 0 with summary_max_tokens"
    assert [m["content"] for m in memory.recent] == [_msg(3)["content"], _msg(4)["content"]], (
        "the last keep_recent messages stay verbatim"
    )


def test_summaries_are_incremental():
    model = ScriptedModel(["S1", "S2"])
    memory = SummarizingMemory(model, SYSTEM, max_tokens=_budget_for(4), keep_recent=2)
    for i in range(5):
        memory.add(_msg(i))
    for i in range(5, 7):
        memory.add(_msg(i))
    assert len(model.calls) == 2, "a second summarisation once the budget is exceeded again"
    text = model.calls[1].messages[1]["content"]
    assert text.startswith("Current summary:\nS1\n\nNew messages:\n"), (
        "the next request starts with the current summary, a blank line, then the new messages"
    )
    assert "turn 0:" not in text and "turn 2:" not in text, (
        "messages already folded into the summary must not be sent again"
    )
    assert "turn 3:" in text, "messages evicted since the last summary are included"
    assert memory.summary == "S2"


def test_exact_budget_does_not_trigger_summarisation():
    model = ScriptedModel([])
    memory = SummarizingMemory(model, SYSTEM, max_tokens=_budget_for(4), keep_recent=1)
    for i in range(4):
        memory.add(_msg(i))
    assert model.calls == [], "a context exactly at max_tokens is within budget"


def test_at_most_one_call_per_add_and_not_with_few_messages():
    model = ScriptedModel(["S1"])
    memory = SummarizingMemory(model, SYSTEM, max_tokens=10, keep_recent=3)
    for i in range(3):
        memory.add(_msg(i))
    assert model.calls == [], "with no more than keep_recent messages there is nothing to summarise"
    memory.add(_msg(3))
    assert len(model.calls) == 1, "summarise once per add, even if the context is still over budget"


def test_summary_follows_the_system_prompt():
    model = ScriptedModel(["Refund case discussed; customer is Ana."])
    memory = SummarizingMemory(model, SYSTEM, max_tokens=_budget_for(3), keep_recent=2)
    for i in range(4):
        memory.add(_msg(i))
    context = memory.context()
    assert [m["role"] for m in context[:2]] == ["system", "system"]
    assert context[1]["content"].endswith("customer is Ana."), "the summary message comes right after the system prompt"
    assert context[2:] == memory.recent
