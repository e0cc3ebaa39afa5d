from agentlab import ScriptedModel, count_message_tokens

from solution import SummarizingMemory


def _fill(memory, n):
    for i in range(n):
        role = "user" if i % 2 == 0 else "assistant"
        memory.add({"role": role, "content": f"message {i} about the invoice for order 77"})


def test_no_summary_while_within_budget():
    model = ScriptedModel([])
    memory = SummarizingMemory(model, "You are a billing assistant.", max_tokens=1000)
    _fill(memory, 6)
    assert model.calls == [], "do not call the summariser while the context fits"
    assert len(memory.context()) == 7, "system prompt plus all six messages"


def test_summarises_when_over_budget():
    model = ScriptedModel(["  Customer asked about the invoice for order 77.  "])
    memory = SummarizingMemory(model, "You are a billing assistant.", max_tokens=90, keep_recent=2)
    _fill(memory, 6)
    assert len(model.calls) == 1, "one summarisation when the budget is first exceeded"
    assert memory.summary == "Customer asked about the invoice for order 77.", "store the stripped response"
    context = memory.context()
    assert context[1] == {"role": "system",
                          "content": "Summary of the earlier conversation:\nCustomer asked about the invoice for order 77."}
    assert len(memory.recent) <= 2 + 1 and count_message_tokens(context) <= 90
