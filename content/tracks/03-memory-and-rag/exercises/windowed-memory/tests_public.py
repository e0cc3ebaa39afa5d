from agentlab import count_message_tokens

from solution import WindowedMemory


def test_everything_fits():
    memory = WindowedMemory("You are helpful.", max_tokens=1000)
    memory.add({"role": "user", "content": "Hi"})
    memory.add({"role": "assistant", "content": "Hello! How can I help?"})
    context = memory.context()
    assert context[0] == {"role": "system", "content": "You are helpful."}, "the system prompt comes first"
    assert [m["role"] for m in context[1:]] == ["user", "assistant"], "the whole short history fits"


def test_window_stays_within_budget():
    memory = WindowedMemory("You are helpful.", max_tokens=60)
    for i in range(20):
        memory.add({"role": "user", "content": f"question number {i}"})
        memory.add({"role": "assistant", "content": f"answer number {i}"})
    context = memory.context()
    assert count_message_tokens(context) <= 60, "context() must fit in max_tokens"
    assert context[-1]["content"] == "answer number 19", "the most recent message is always in the window"
    assert len(memory.history) == 40, "the full history is kept; only the context is windowed"


def test_empty_history():
    assert WindowedMemory("S", 100).context() == [{"role": "system", "content": "S"}]
