"""agentlab: an offline teaching library for building and grading agent loops.

Everything runs on the Python standard library with no network: a scripted chat
model, a tool registry with JSON-Schema validation, a trace that tests can query, a
deterministic tokenizer with usage and cost accounting, a fake clock, and a tiny
hashed embedding model for retrieval exercises.

The public API is everything listed in ``__all__``; it is stable across the course.
"""

from .clock import FakeClock
from .embeddings import (
    STOP_WORDS,
    HashingEmbedder,
    VectorHit,
    VectorStore,
    cosine_similarity,
    embed,
    tokenize,
)
from .errors import (
    AgentlabError,
    ContextWindowExceededError,
    ModelError,
    RateLimitError,
    ScriptExhaustedError,
    ToolError,
    ToolExecutionError,
    ToolValidationError,
    TransientModelError,
    UnknownToolError,
)
from .messages import assistant, system, tool_message, user
from .model import (
    ModelResponse,
    ScriptedModel,
    StreamChunk,
    ToolCall,
    ToolCallDelta,
    collect_stream,
    to_sse,
)
from .tokens import (
    MESSAGE_OVERHEAD,
    Price,
    PriceTable,
    Usage,
    cost,
    count_message_tokens,
    count_tokens,
    count_tool_schema_tokens,
    truncate_to_tokens,
)
from .tools import Tool, ToolRegistry, ToolResult, validate_arguments
from .trace import ModelCall, ToolInvocation, Trace

__version__ = "1.0.0"

__all__ = [
    "AgentlabError", "ContextWindowExceededError", "FakeClock", "HashingEmbedder",
    "MESSAGE_OVERHEAD", "ModelCall", "ModelError", "ModelResponse", "Price", "PriceTable",
    "RateLimitError", "STOP_WORDS", "ScriptExhaustedError", "ScriptedModel", "StreamChunk",
    "Tool", "ToolCall", "ToolCallDelta", "ToolError", "ToolExecutionError", "ToolInvocation",
    "ToolRegistry", "ToolResult", "ToolValidationError", "Trace", "TransientModelError",
    "UnknownToolError", "Usage", "VectorHit", "VectorStore", "assistant", "collect_stream",
    "cosine_similarity", "cost", "count_message_tokens", "count_tokens",
    "count_tool_schema_tokens", "embed", "system", "to_sse", "tokenize", "tool_message",
    "truncate_to_tokens", "user", "validate_arguments",
]
