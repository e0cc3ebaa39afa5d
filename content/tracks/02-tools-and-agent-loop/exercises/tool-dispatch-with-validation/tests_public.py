from agentlab import Tool

from solution import execute_tool_calls

WEATHER = Tool(
    "get_weather", "Current weather for a city.",
    {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"], "additionalProperties": False},
    lambda city: {"city": city, "temp_c": 4, "condition": "rain"},
)


def _call(call_id, name, arguments):
    return {"id": call_id, "type": "function", "function": {"name": name, "arguments": arguments}}


def test_successful_call_returns_json_content():
    messages = execute_tool_calls([_call("call_1", "get_weather", '{"city": "Oslo"}')], [WEATHER])
    assert messages == [{"role": "tool", "tool_call_id": "call_1",
                         "content": '{"city": "Oslo", "condition": "rain", "temp_c": 4}'}], (
        "non-string results are sent as json.dumps(value, sort_keys=True) in a tool message with the call's id"
    )


def test_unknown_tool_becomes_an_error_message():
    messages = execute_tool_calls([_call("call_2", "get_forecast", '{"city": "Oslo"}')], [WEATHER])
    assert messages[0]["content"] == "Error: unknown tool 'get_forecast'. Available tools: get_weather", (
        "tell the model which tools exist so it can correct itself"
    )


def test_one_message_per_call_in_order():
    calls = [_call("a", "get_weather", '{"city": "Oslo"}'), _call("b", "get_weather", '{"city": "Lima"}')]
    messages = execute_tool_calls(calls, [WEATHER])
    assert [m["tool_call_id"] for m in messages] == ["a", "b"], "answer every call, in the order requested"
