from agentlab import Tool

from solution import execute_tool_calls

CALLS_MADE = []


def _convert(amount, currency):
    CALLS_MADE.append((amount, currency))
    if currency == "XXX":
        raise LookupError("no rate for XXX")
    return round(amount * 1.1, 2)


CONVERT = Tool(
    "convert_currency", "Convert an amount of euros.",
    {"type": "object",
     "properties": {"amount": {"type": "number", "minimum": 0}, "currency": {"type": "string", "minLength": 3, "maxLength": 3}},
     "required": ["amount", "currency"], "additionalProperties": False},
    _convert,
)
NOW = Tool("server_time", "Current server time.", {"type": "object", "properties": {}}, lambda: "2026-01-05T10:00:00Z")
BIG = Tool("dump_logs", "Return recent logs.", {"type": "object", "properties": {}}, lambda: "x" * 2500)
LISTING = Tool("list_regions", "List regions.", {"type": "object", "properties": {}}, lambda: ["eu-west", "us-east"])


def _call(call_id, name, arguments):
    return {"id": call_id, "type": "function", "function": {"name": name, "arguments": arguments}}


def _content(name, arguments, tools=(CONVERT, NOW, BIG, LISTING), **kwargs):
    return execute_tool_calls([_call("c", name, arguments)], list(tools), **kwargs)[0]["content"]


def test_invalid_json_arguments():
    content = _content("convert_currency", '{"amount": 10, "currency": "USD"')
    assert content.startswith("Error: arguments for convert_currency are not valid JSON: "), (
        "malformed JSON from the model must become an error message, not a crash"
    )


def test_arguments_must_be_an_object():
    assert _content("convert_currency", "[10, \"USD\"]") == "Error: arguments for convert_currency must be a JSON object"


def test_validation_problems_are_reported_and_function_not_called():
    CALLS_MADE.clear()
    content = _content("convert_currency", '{"amount": -5, "currency": "DOLLARS"}')
    assert content.startswith("Error: invalid arguments for convert_currency: "), "report schema problems as invalid arguments"
    assert "'amount' must be >= 0" in content and "'currency' must have at most 3 characters" in content, (
        "list every validation problem, joined with '; '"
    )
    assert CALLS_MADE == [], "never run a tool whose arguments failed validation"


def test_exception_in_tool_becomes_error_message():
    content = _content("convert_currency", '{"amount": 10, "currency": "XXX"}')
    assert content == "Error: convert_currency failed: LookupError: no rate for XXX", (
        "an exception raised by the tool must be reported with its type and message"
    )


def test_empty_arguments_string_means_no_arguments():
    assert _content("server_time", "") == "2026-01-05T10:00:00Z", "'' arguments mean {} and string results are sent unchanged"


def test_list_results_are_json():
    assert _content("list_regions", "{}") == '["eu-west", "us-east"]', "lists are JSON-encoded, not str()-ed"


def test_number_results_are_json():
    assert _content("convert_currency", '{"amount": 10, "currency": "USD"}') == "11.0", "numbers are JSON-encoded"


def test_long_results_are_truncated_with_a_note():
    content = _content("dump_logs", "{}", max_chars=2000)
    assert content == "x" * 2000 + "\n[truncated 500 characters]", (
        "keep the first max_chars characters and say how many were removed"
    )


def test_result_of_exactly_max_chars_is_kept_whole():
    assert _content("dump_logs", "{}", max_chars=2500) == "x" * 2500, "only results longer than max_chars are cut"


def test_available_tools_are_sorted():
    content = _content("delete_everything", "{}")
    assert content == ("Error: unknown tool 'delete_everything'. Available tools: "
                       "convert_currency, dump_logs, list_regions, server_time"), "list available tools sorted by name"


def test_a_failing_call_does_not_stop_the_others():
    calls = [_call("1", "nope", "{}"), _call("2", "server_time", "{}"), _call("3", "convert_currency", "{bad")]
    messages = execute_tool_calls(calls, [CONVERT, NOW])
    assert [m["tool_call_id"] for m in messages] == ["1", "2", "3"], "every call gets exactly one answer"
    assert messages[1]["content"] == "2026-01-05T10:00:00Z", "a failure in one call must not affect the next"
