"""Unit tests for the agentlab teaching library.

Run from the repository root with either of:

    python3 -m unittest discover -s content/tools -p 'test_*.py'
    cd content/tools && python3 -m unittest test_agentlab
"""

from __future__ import annotations

import json
import pathlib
import sys
import unittest

REPO = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "server/src/main/resources/sandbox/python"))

import agentlab  # noqa: E402
from agentlab import (  # noqa: E402
    ContextWindowExceededError,
    FakeClock,
    HashingEmbedder,
    ModelResponse,
    Price,
    PriceTable,
    RateLimitError,
    ScriptExhaustedError,
    ScriptedModel,
    Tool,
    ToolCall,
    ToolExecutionError,
    ToolRegistry,
    ToolValidationError,
    Trace,
    UnknownToolError,
    Usage,
    VectorStore,
    collect_stream,
    cosine_similarity,
    count_message_tokens,
    count_tokens,
    embed,
    to_sse,
    tokenize,
    truncate_to_tokens,
    validate_arguments,
)

ADD_SCHEMA = {
    "type": "object",
    "properties": {"a": {"type": "integer"}, "b": {"type": "integer"}},
    "required": ["a", "b"],
    "additionalProperties": False,
}


class TokenTests(unittest.TestCase):
    def test_empty_and_none_cost_nothing(self):
        self.assertEqual(count_tokens(""), 0)
        self.assertEqual(count_tokens(None), 0)

    def test_words_cost_by_length_and_punctuation_costs_one(self):
        self.assertEqual(count_tokens("cat"), 1)
        self.assertEqual(count_tokens("tokenizer"), 3)  # ceil(9/4)
        self.assertEqual(count_tokens("Hello, world!"), 6)
        self.assertEqual(count_tokens("   "), 0)

    def test_count_is_deterministic_and_additive_over_whitespace(self):
        self.assertEqual(count_tokens("a b"), count_tokens("a") + count_tokens("b"))

    def test_truncate_keeps_whole_pieces_within_budget(self):
        text = "one two three four"
        cut = truncate_to_tokens(text, 4)  # "three" costs 2
        self.assertEqual(cut, "one two three")
        self.assertEqual(truncate_to_tokens(text, 3), "one two")
        self.assertEqual(truncate_to_tokens(text, 100), text)
        self.assertEqual(truncate_to_tokens(text, 0), "")

    def test_message_tokens_include_overhead_and_tool_calls(self):
        messages = [{"role": "user", "content": "hi"}]
        self.assertEqual(count_message_tokens(messages), agentlab.MESSAGE_OVERHEAD + 1)
        with_call = [agentlab.assistant(None, [ToolCall("add", {"a": 1}, "c1")])]
        expected = agentlab.MESSAGE_OVERHEAD + count_tokens("add") + count_tokens(json.dumps({"a": 1}))
        self.assertEqual(count_message_tokens(with_call), expected)

    def test_message_tokens_accept_content_parts(self):
        messages = [{"role": "user", "content": [{"type": "text", "text": "hello there"}]}]
        self.assertEqual(count_message_tokens(messages), agentlab.MESSAGE_OVERHEAD + count_tokens("hello there"))

    def test_usage_adds_and_sums(self):
        total = sum([Usage(10, 2), Usage(5, 1)])
        self.assertEqual(total, Usage(15, 3))
        self.assertEqual(total.total_tokens, 18)

    def test_cost_uses_price_per_million(self):
        table = PriceTable({"m": Price(2.0, 8.0)})
        self.assertAlmostEqual(table.cost("m", Usage(1_000_000, 500_000)), 6.0)
        with self.assertRaises(KeyError):
            table.cost("unknown", Usage())
        self.assertGreater(agentlab.cost(Usage(1000, 1000)), 0)


class ScriptedModelTests(unittest.TestCase):
    def test_returns_responses_in_order_and_records_requests(self):
        model = ScriptedModel(["first", "second"])
        messages = [{"role": "user", "content": "hi"}]
        self.assertEqual(model.complete(messages, temperature=0.2).content, "first")
        messages.append({"role": "assistant", "content": "first"})
        self.assertEqual(model.complete(messages, max_tokens=50).content, "second")
        self.assertEqual(len(model.calls), 2)
        self.assertEqual(model.calls[0].params, {"temperature": 0.2})
        self.assertEqual(len(model.calls[0].messages), 1, "snapshot must not follow later mutation")
        self.assertEqual(model.remaining, 0)

    def test_running_out_raises_a_clear_error(self):
        model = ScriptedModel(["only"])
        model.complete([{"role": "user", "content": "x"}])
        with self.assertRaises(ScriptExhaustedError) as ctx:
            model.complete([{"role": "user", "content": "x"}])
        self.assertIn("ran out", str(ctx.exception))

    def test_tool_call_responses_get_ids_and_finish_reason(self):
        model = ScriptedModel([ToolCall("add", {"a": 1, "b": 2}), [ToolCall("x"), ToolCall("y")]])
        first = model.complete([])
        self.assertEqual(first.finish_reason, "tool_calls")
        self.assertEqual(first.tool_calls[0].id, "call_1")
        second = model.complete([])
        self.assertEqual([tc.id for tc in second.tool_calls], ["call_2", "call_3"])
        message = first.to_message()
        self.assertEqual(message["tool_calls"][0]["function"]["arguments"], json.dumps({"a": 1, "b": 2}))

    def test_dict_and_callable_entries(self):
        model = ScriptedModel([
            {"content": "thinking", "tool_calls": [{"name": "f", "arguments": {"q": 1}}]},
            lambda messages, tools, params: f"saw {len(messages)} messages",
        ])
        response = model.complete([])
        self.assertEqual(response.content, "thinking")
        self.assertEqual(response.tool_calls[0].arguments, {"q": 1})
        self.assertEqual(model.complete([{"role": "user", "content": "a"}]).content, "saw 1 messages")

    def test_scripted_exception_is_raised_and_recorded(self):
        trace = Trace()
        model = ScriptedModel([RateLimitError(retry_after=2), "ok"], trace=trace)
        with self.assertRaises(RateLimitError) as ctx:
            model.complete([{"role": "user", "content": "x"}])
        self.assertEqual(ctx.exception.retry_after, 2)
        self.assertEqual(model.complete([]).content, "ok")
        self.assertIsNotNone(trace.model_calls[0].error)
        self.assertEqual(trace.final_answer, "ok")

    def test_scripted_exception_class_is_instantiated_and_raised(self):
        model = ScriptedModel([agentlab.TransientModelError, "ok"])
        with self.assertRaises(agentlab.TransientModelError):
            model.complete([])
        self.assertEqual(model.complete([]).content, "ok")

    def test_usage_is_counted_per_call(self):
        model = ScriptedModel(["four token answer here"])
        messages = [{"role": "user", "content": "hello"}]
        response = model.complete(messages)
        self.assertEqual(response.usage.prompt_tokens, count_message_tokens(messages))
        self.assertEqual(response.usage.completion_tokens, count_tokens("four token answer here"))
        self.assertEqual(model.total_usage, response.usage)

    def test_tool_schemas_count_toward_prompt_tokens(self):
        registry = ToolRegistry()
        registry.register("add", "Add two integers.", ADD_SCHEMA, lambda a, b: a + b)
        model = ScriptedModel(["a", "b"])
        without = model.complete([]).usage.prompt_tokens
        with_tools = model.complete([], tools=registry).usage.prompt_tokens
        self.assertGreater(with_tools, without)
        self.assertEqual(model.calls[1].tool_names, ["add"])

    def test_max_tokens_truncates_with_length_finish_reason(self):
        model = ScriptedModel(["one two three four five"])
        response = model.complete([], max_tokens=2)
        self.assertEqual(response.content, "one two")
        self.assertEqual(response.finish_reason, "length")

    def test_context_window_is_enforced(self):
        model = ScriptedModel(["never"], context_window=10)
        with self.assertRaises(ContextWindowExceededError) as ctx:
            model.complete([{"role": "user", "content": "word " * 20}])
        self.assertGreater(ctx.exception.prompt_tokens, 10)
        self.assertEqual(model.remaining, 1, "a rejected prompt must not consume the script")

    def test_explicit_usage_on_scripted_response_is_kept(self):
        model = ScriptedModel([ModelResponse("x", usage=Usage(100, 7))])
        self.assertEqual(model.complete([]).usage, Usage(100, 7))

    def test_streaming_yields_deltas_that_reassemble(self):
        model = ScriptedModel(["Hello streaming world", ToolCall("add", {"a": 1, "b": 2})], stream_chunk_size=5)
        chunks = list(model.stream([{"role": "user", "content": "hi"}]))
        self.assertEqual([c.content for c in chunks[:-1]], ["Hello", " stre", "aming", " worl", "d"])
        self.assertEqual(chunks[-1].finish_reason, "stop")
        self.assertIsNotNone(chunks[-1].usage)
        self.assertTrue(model.calls[0].stream)
        assembled = collect_stream(model.stream([]))
        self.assertEqual(assembled.tool_calls[0].name, "add")
        self.assertEqual(assembled.tool_calls[0].arguments, {"a": 1, "b": 2})
        self.assertEqual(assembled.finish_reason, "tool_calls")

    def test_sse_rendering_ends_with_done(self):
        body = to_sse(ScriptedModel(["hi"]).stream([]))
        events = [e for e in body.split("\n\n") if e]
        self.assertEqual(events[-1], "data: [DONE]")
        first = json.loads(events[0][len("data: "):])
        self.assertEqual(first["choices"][0]["delta"]["content"], "hi")


class ToolTests(unittest.TestCase):
    def test_validate_arguments_reports_each_problem(self):
        problems = validate_arguments(ADD_SCHEMA, {"a": "1", "c": 3})
        self.assertIn("missing required argument 'b'", problems)
        self.assertIn("'a' must be integer, got string", problems)
        self.assertIn("unexpected argument 'c'", problems)

    def test_booleans_are_not_numbers(self):
        self.assertTrue(validate_arguments({"type": "integer"}, True))
        self.assertFalse(validate_arguments({"type": "number"}, 3))

    def test_enum_range_length_and_items(self):
        schema = {
            "type": "object",
            "properties": {
                "unit": {"type": "string", "enum": ["c", "f"]},
                "days": {"type": "integer", "minimum": 1, "maximum": 7},
                "name": {"type": "string", "minLength": 2},
                "tags": {"type": "array", "items": {"type": "string"}, "maxItems": 2},
            },
        }
        problems = validate_arguments(schema, {"unit": "k", "days": 9, "name": "x", "tags": ["a", 1, "c"]})
        self.assertEqual(len(problems), 5, problems)
        self.assertTrue(any("'tags[1]'" in p for p in problems))

    def test_registry_invokes_and_records(self):
        trace = Trace()
        registry = ToolRegistry(trace=trace)

        @registry.tool(parameters=ADD_SCHEMA)
        def add(a, b):
            """Add two integers."""
            return a + b

        self.assertEqual(registry.get("add").description, "Add two integers.")
        self.assertEqual(registry.invoke("add", {"a": 2, "b": 3}), 5)
        self.assertEqual(trace.tool_calls("add")[0].result, 5)
        self.assertEqual(registry.names(), ["add"])
        self.assertEqual(registry.schemas()[0]["name"], "add")

    def test_registry_errors_are_typed_and_recorded(self):
        registry = ToolRegistry([Tool("div", "Divide.", {"type": "object"}, lambda a, b: a / b)])
        with self.assertRaises(UnknownToolError):
            registry.invoke("mul", {})
        with self.assertRaises(ToolExecutionError) as ctx:
            registry.invoke("div", {"a": 1, "b": 0})
        self.assertIsInstance(ctx.exception.cause, ZeroDivisionError)
        self.assertEqual(len(registry.invocations), 2)
        self.assertFalse(any(i.ok for i in registry.invocations))
        with self.assertRaises(ValueError):
            registry.register("div", "again", None, lambda: 0)

    def test_validation_error_lists_problems(self):
        registry = ToolRegistry()
        registry.register("add", "Add.", ADD_SCHEMA, lambda a, b: a + b)
        with self.assertRaises(ToolValidationError) as ctx:
            registry.invoke("add", {"a": 1})
        self.assertEqual(ctx.exception.errors, ["missing required argument 'b'"])

    def test_execute_turns_errors_into_messages(self):
        registry = ToolRegistry()
        registry.register("add", "Add.", ADD_SCHEMA, lambda a, b: a + b)
        ok = registry.execute(ToolCall("add", {"a": 1, "b": 2}, "c1"))
        self.assertEqual((ok.ok, ok.content), (True, "3"))
        self.assertEqual(ok.to_message(), {"role": "tool", "tool_call_id": "c1", "content": "3"})
        bad_json = registry.execute({"id": "c2", "function": {"name": "add", "arguments": "{oops"}})
        self.assertFalse(bad_json.ok)
        self.assertTrue(bad_json.content.startswith("Error: "))
        unknown = registry.execute(ToolCall("mul", {}, "c3"))
        self.assertIn("available tools: add", unknown.content)

    def test_tool_call_round_trips_through_dict(self):
        call = ToolCall("search", {"q": "x"}, "c9")
        self.assertEqual(ToolCall.from_dict(call.to_dict()), call)
        self.assertEqual(ToolCall.from_dict({"name": "s", "arguments": ""}).arguments, {})


class TraceTests(unittest.TestCase):
    def test_agent_loop_trace(self):
        trace = Trace()
        registry = ToolRegistry(trace=trace)
        registry.register("add", "Add.", ADD_SCHEMA, lambda a, b: a + b)
        model = ScriptedModel([ToolCall("add", {"a": 1, "b": 2}), "The sum is 3."], trace=trace)
        messages = [agentlab.system("Use tools."), agentlab.user("1+2?")]
        response = model.complete(messages, tools=registry)
        self.assertIsNone(trace.final_answer)
        messages.append(response.to_message())
        for call in response.tool_calls:
            messages.append(registry.execute(call).to_message())
        model.complete(messages, tools=registry)
        self.assertEqual(trace.final_answer, "The sum is 3.")
        self.assertEqual(trace.tool_names, ["add"])
        self.assertEqual(len(trace.model_calls), 2)
        self.assertEqual(trace.total_usage, model.total_usage)
        self.assertGreater(trace.cost(), 0)
        self.assertIn("tool add", trace.summary())
        self.assertEqual(trace.failed_tool_calls, [])


class ClockTests(unittest.TestCase):
    def test_sleep_advances_and_records(self):
        clock = FakeClock(100)
        clock.sleep(1.5)
        clock.advance(2)
        self.assertEqual(clock.now(), 103.5)
        self.assertEqual(clock.sleeps, [1.5])
        self.assertEqual(clock.total_slept, 1.5)
        self.assertEqual(clock.monotonic(), clock.time())
        with self.assertRaises(ValueError):
            clock.sleep(-1)


class EmbeddingTests(unittest.TestCase):
    def test_tokenize(self):
        self.assertEqual(tokenize("Hybrid-Search: BM25 + dense!"), ["hybrid", "search", "bm25", "dense"])

    def test_embed_is_deterministic_and_normalized(self):
        v = embed("agents call tools")
        self.assertEqual(v, embed("agents call tools"))
        self.assertAlmostEqual(sum(x * x for x in v), 1.0)
        self.assertEqual(embed("the of and"), [0.0] * 256)

    def test_similar_texts_score_higher(self):
        q = embed("how do agents call tools")
        near = embed("an agent calls a tool with arguments")
        far = embed("bake bread with flour and yeast")
        self.assertGreater(cosine_similarity(q, near), cosine_similarity(q, far))

    def test_cosine_edge_cases(self):
        self.assertEqual(cosine_similarity([0, 0], [1, 0]), 0.0)
        self.assertAlmostEqual(cosine_similarity([1, 0], [2, 0]), 1.0)
        with self.assertRaises(ValueError):
            cosine_similarity([1], [1, 2])

    def test_vector_store_search_and_replace(self):
        embedder = HashingEmbedder(dim=128)
        store = VectorStore(embedder)
        store.add("d1", "Reciprocal rank fusion merges ranked lists")
        store.add("d2", "Sourdough bread needs a starter")
        store.add("d1", "BM25 scores keyword matches")
        self.assertEqual(len(store), 2)
        hits = store.search("keyword scoring with BM25", k=1)
        self.assertEqual(hits[0].id, "d1")
        self.assertEqual(embedder.calls, 4)


if __name__ == "__main__":
    unittest.main()
