import json

from agentlab import ScriptedModel, ToolCall, to_sse

from solution import assemble_stream, iter_sse_data


def _body(entry):
    return to_sse(ScriptedModel([entry], stream_chunk_size=5).stream([{"role": "user", "content": "hi"}]))


def _pieces(text, size):
    return [text[i:i + size] for i in range(0, len(text), size)]


def test_reads_split_anywhere_give_the_same_result():
    body = _body("Tokens arrive in small pieces, and so do network reads.")
    expected = assemble_stream([body])
    for size in (1, 2, 3, 7, 13, 64):
        assert assemble_stream(_pieces(body, size)) == expected, (
            f"splitting the body into {size}-character reads changed the result; buffer partial lines between reads"
        )


def test_crlf_line_endings_even_when_split_between_cr_and_lf():
    body = 'data: {"choices": [{"index": 0, "delta": {"content": "ok"}, "finish_reason": "stop"}]}\r\n\r\ndata: [DONE]\r\n\r\n'
    cut = body.index("\r\n") + 1
    result = assemble_stream([body[:cut], body[cut:]])
    assert result["content"] == "ok", "lines may end with \\r\\n, and a read may end between \\r and \\n"


def test_comments_and_other_fields_are_ignored():
    body = (
        ": keep-alive\n\n"
        "event: message\nid: 7\n"
        'data: {"choices": [{"index": 0, "delta": {"content": "hi"}, "finish_reason": null}]}\n\n'
        "retry: 1000\n\n"
        "data: [DONE]\n\n"
    )
    assert list(iter_sse_data([body])) == ['{"choices": [{"index": 0, "delta": {"content": "hi"}, "finish_reason": null}]}'], (
        "ignore ':' comments and event/id/retry fields; events without data yield nothing"
    )


def test_multiline_data_and_optional_space():
    body = 'data:{"x":\ndata: 1}\n\ndata: [DONE]\n\n'
    assert list(iter_sse_data([body])) == ['{"x":\n1}'], (
        "join several data lines of one event with \\n, and remove only one optional space after 'data:'"
    )


def test_truncated_stream_raises():
    body = _body("This answer never finishes")
    cut = body[: body.index("data: [DONE]")]
    try:
        assemble_stream(_pieces(cut, 10))
    except ValueError:
        return
    raise AssertionError("a stream that ends without data: [DONE] was cut off; raise ValueError")


def test_interleaved_fragments_of_two_tool_calls():
    chunks = [
        {"index": 0, "id": "call_a", "type": "function", "function": {"name": "weather", "arguments": ""}},
        {"index": 1, "id": "call_b", "type": "function", "function": {"name": "time", "arguments": ""}},
        {"index": 0, "function": {"arguments": '{"city": '}},
        {"index": 1, "function": {"arguments": '{"tz": "Europe/Oslo"}'}},
        {"index": 0, "function": {"arguments": '"Oslo"}'}},
    ]
    events = [
        json.dumps({"choices": [{"index": 0, "delta": {"tool_calls": [c]}, "finish_reason": None}]})
        for c in chunks
    ]
    events.append(json.dumps({"choices": [{"index": 0, "delta": {}, "finish_reason": "tool_calls"}]}))
    body = "".join(f"data: {e}\n\n" for e in events) + "data: [DONE]\n\n"
    result = assemble_stream([body])
    assert result["tool_calls"] == [
        {"id": "call_a", "name": "weather", "arguments": {"city": "Oslo"}},
        {"id": "call_b", "name": "time", "arguments": {"tz": "Europe/Oslo"}},
    ], "group fragments by their index, not by arrival order"
    assert result["finish_reason"] == "tool_calls"


def test_parallel_calls_from_the_model_and_usage():
    model = ScriptedModel([[ToolCall("search", {"q": "bm25"}), ToolCall("search", {"q": "rrf"})]], stream_chunk_size=3)
    body = to_sse(model.stream([{"role": "user", "content": "compare"}]))
    result = assemble_stream(_pieces(body, 11))
    assert [c["arguments"] for c in result["tool_calls"]] == [{"q": "bm25"}, {"q": "rrf"}], "two calls, two argument objects"
    assert [c["id"] for c in result["tool_calls"]] == ["call_1", "call_2"]
    assert result["usage"] == model.calls[0].usage.to_dict(), "take usage from the chunk that reports it"


def test_empty_arguments_decode_to_empty_dict():
    result = assemble_stream([_body(ToolCall("list_tools", {}))])
    assert result["tool_calls"][0]["arguments"] == {}, "a call with no arguments has {} as arguments"
