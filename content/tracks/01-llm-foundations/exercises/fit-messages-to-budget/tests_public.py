from agentlab import count_message_tokens

from solution import fit_messages

SYSTEM = "You are a concise assistant."
HISTORY = [
    {"role": "user", "content": "What is a token?"},
    {"role": "assistant", "content": "A small piece of text the model reads and writes."},
    {"role": "user", "content": "And a context window?"},
    {"role": "assistant", "content": "The maximum number of tokens in one request, prompt plus answer."},
]


def test_everything_fits_in_a_large_window():
    result = fit_messages(SYSTEM, HISTORY, "Thanks!", context_window=10_000, reserve_for_output=500)
    assert result[0] == {"role": "system", "content": SYSTEM}, "the first message must be the system prompt"
    assert result[1:-1] == HISTORY, "with plenty of room the whole history should be kept in order"
    assert result[-1] == {"role": "user", "content": "Thanks!"}, "the last message must be the new user message"


def test_result_respects_the_budget():
    window = 70
    result = fit_messages(SYSTEM, HISTORY, "Thanks!", context_window=window, reserve_for_output=20)
    assert count_message_tokens(result) + 20 <= window, "prompt tokens plus the output reserve must fit the window"
    assert result[-1]["content"] == "Thanks!", "the new message is always sent"


def test_drops_the_oldest_messages_first():
    base = count_message_tokens([{"role": "system", "content": SYSTEM}, {"role": "user", "content": "Thanks!"}])
    last_exchange = count_message_tokens(HISTORY[2:])
    result = fit_messages(SYSTEM, HISTORY, "Thanks!", context_window=base + last_exchange + 5, reserve_for_output=5)
    assert result[1:-1] == HISTORY[2:], "only the most recent exchange fits, so only it should be kept"
