"""Exceptions raised by agentlab.

Every exception derives from :class:`AgentlabError`, so a test or an agent loop can
catch "anything the teaching library complained about" in one clause while still
distinguishing the specific cases below.
"""

from __future__ import annotations


class AgentlabError(Exception):
    """Base class of every error raised by agentlab."""


class ScriptExhaustedError(AgentlabError):
    """A :class:`~agentlab.model.ScriptedModel` was called more times than it has responses.

    In an exercise this almost always means the agent loop did not stop when it should
    have (for example it ignored a final answer or kept retrying forever).
    """


class ModelError(AgentlabError):
    """A simulated provider failure. Script an instance to make a model call raise it."""


class RateLimitError(ModelError):
    """A simulated HTTP 429. ``retry_after`` is the provider's hint in seconds (or None)."""

    def __init__(self, message: str = "rate limited", retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class TransientModelError(ModelError):
    """A simulated retryable failure such as HTTP 500/503 or a dropped connection."""


class ContextWindowExceededError(ModelError):
    """The prompt (messages plus tool schemas) is larger than the model's context window."""

    def __init__(self, prompt_tokens: int, context_window: int) -> None:
        super().__init__(
            f"prompt has {prompt_tokens} tokens but the context window is {context_window}"
        )
        self.prompt_tokens = prompt_tokens
        self.context_window = context_window


class ToolError(AgentlabError):
    """Base class of tool-related errors."""


class UnknownToolError(ToolError):
    """The model asked for a tool that is not registered."""

    def __init__(self, name: str, available: list[str]) -> None:
        super().__init__(f"unknown tool '{name}'; available tools: {', '.join(available) or 'none'}")
        self.name = name
        self.available = available


class ToolValidationError(ToolError):
    """Arguments did not match the tool's parameter schema. ``errors`` lists every problem."""

    def __init__(self, name: str, errors: list[str]) -> None:
        super().__init__(f"invalid arguments for tool '{name}': " + "; ".join(errors))
        self.name = name
        self.errors = errors


class ToolExecutionError(ToolError):
    """The tool's Python function raised. ``cause`` is the original exception."""

    def __init__(self, name: str, cause: BaseException) -> None:
        super().__init__(f"tool '{name}' failed: {type(cause).__name__}: {cause}")
        self.name = name
        self.cause = cause
