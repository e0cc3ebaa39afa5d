import copy

from agentlab import count_message_tokens

from solution import fit_messages

SYSTEM = "You are a concise assistant."
NEW = "Summarise our chat."


def _base():
    return count_message_tokens([{"role": "system", "content": SYSTEM}, {"role": "user", "content": NEW}])


def test_exact_fit_is_allowed():
    history = [{"role": "user", "content": "one two three"}, {"role": "assistant", "content": "four five"}]
    window = _base() + count_message_tokens(history) + 10
    result = fit_messages(SYSTEM, history, NEW, context_window=window, reserve_for_output=10)
    assert result[1:-1] == history, "a prompt that exactly fills the budget fits (use <=, not <)"


def test_never_skips_a_message_to_keep_older_ones():
    history = [
        {"role": "user", "content": "hi"},
        {"role": "assistant", "content": "hello"},
        {"role": "user", "content": "paste: " + "Traceback line in module app " * 40},
        {"role": "assistant", "content": "Here is a summary of the paste: " + "it repeats itself " * 10},
        {"role": "user", "content": "and now?"},
        {"role": "assistant", "content": "done"},
    ]
    room = count_message_tokens(history[4:]) + count_message_tokens(history[:2])
    result = fit_messages(SYSTEM, history, NEW, context_window=_base() + room, reserve_for_output=0)
    assert result[1:-1] == history[4:], (
        "the kept history must be a contiguous run of the most recent messages; "
        "skipping the long paste and keeping older ones leaves a hole in the conversation"
    )


def test_kept_history_starts_with_a_user_message():
    history = [
        {"role": "user", "content": "first question with quite a few words in it"},
        {"role": "assistant", "content": "first answer"},
        {"role": "user", "content": "second"},
        {"role": "assistant", "content": "second answer"},
    ]
    room = count_message_tokens(history[1:])
    result = fit_messages(SYSTEM, history, NEW, context_window=_base() + room, reserve_for_output=0)
    assert result[1]["role"] == "user", "history sent to the model must not begin with an orphaned assistant reply"
    assert result[1:-1] == history[2:], "drop the leading assistant message and keep the rest"


def test_leading_tool_message_is_dropped_too():
    history = [
        {"role": "user", "content": "weather in Oslo please, with lots of extra words here"},
        {"role": "assistant", "content": None, "tool_calls": [
            {"id": "c1", "type": "function", "function": {"name": "weather", "arguments": "{\"city\": \"Oslo\"}"}}]},
        {"role": "tool", "tool_call_id": "c1", "content": "4 C, rain"},
        {"role": "assistant", "content": "It is 4 C and raining."},
        {"role": "user", "content": "thanks"},
    ]
    room = count_message_tokens(history[2:])
    result = fit_messages(SYSTEM, history, NEW, context_window=_base() + room, reserve_for_output=0)
    assert [m["role"] for m in result] == ["system", "user", "user"], (
        "a tool result without its request (and the reply after it) must be dropped until a user message starts the history"
    )


def test_raises_when_even_the_essentials_do_not_fit():
    try:
        fit_messages(SYSTEM, [], NEW, context_window=_base() + 5, reserve_for_output=6)
    except ValueError:
        return
    raise AssertionError("when system + new message + reserve exceed the window, raise ValueError")


def test_empty_history():
    result = fit_messages(SYSTEM, [], NEW, context_window=1000, reserve_for_output=100)
    assert [m["role"] for m in result] == ["system", "user"], "no history means just system + user"


def test_does_not_modify_the_callers_history():
    history = [{"role": "assistant", "content": "stray"}, {"role": "user", "content": "q"}]
    before = copy.deepcopy(history)
    fit_messages(SYSTEM, history, NEW, context_window=_base() + 8, reserve_for_output=0)
    assert history == before, "fit_messages must not change the list it was given"


def test_reserve_is_subtracted():
    history = [{"role": "user", "content": "alpha beta"}, {"role": "assistant", "content": "gamma"}]
    window = _base() + count_message_tokens(history)
    result = fit_messages(SYSTEM, history, NEW, context_window=window, reserve_for_output=1)
    assert count_message_tokens(result) + 1 <= window, "the output reserve must be left free"
    assert result[1:-1] == [], "after reserving output room, the exchange no longer fits as a whole"
