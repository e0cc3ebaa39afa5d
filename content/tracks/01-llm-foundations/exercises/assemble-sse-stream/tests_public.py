from agentlab import ScriptedModel, ToolCall, to_sse

from solution import assemble_stream, iter_sse_data


def _body(entry):
    return to_sse(ScriptedModel([entry], stream_chunk_size=4).stream([{"role": "user", "content": "hi"}]))


def test_yields_payloads_of_a_simple_body():
    body = 'data: {"a": 1}\n\ndata: {"b": 2}\n\ndata: [DONE]\n\n'
    assert list(iter_sse_data([body])) == ['{"a": 1}', '{"b": 2}'], "yield each event's data, stop at [DONE]"


def test_assembles_text_content():
    result = assemble_stream([_body("Streaming makes agents feel fast.")])
    assert result["content"] == "Streaming makes agents feel fast.", "concatenate every content delta in order"
    assert result["finish_reason"] == "stop", "keep the finish_reason from the final chunk"
    assert result["tool_calls"] == [], "a text answer has no tool calls"


def test_assembles_a_tool_call():
    result = assemble_stream([_body(ToolCall("search", {"query": "context window size"}))])
    assert result["tool_calls"] == [{"id": "call_1", "name": "search", "arguments": {"query": "context window size"}}], (
        "join the argument fragments and decode them with json.loads"
    )
    assert result["content"] is None, "no content deltas means content is None"
