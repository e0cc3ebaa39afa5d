"""Tools: Python callables with a name, a description and a JSON-Schema parameter spec.

The schema subset understood by :func:`validate_arguments` (enough for real tool
design, small enough to read):

* ``type``: ``object``, ``string``, ``integer``, ``number``, ``boolean``, ``array``,
  ``null``, or a list of these;
* ``properties``, ``required``, ``additionalProperties`` (``false`` rejects unknown keys);
* ``enum``; ``minimum``/``maximum``; ``minLength``/``maxLength``; ``items``;
  ``minItems``/``maxItems``.

Booleans are not accepted as integers or numbers (``True`` is not ``1`` here), and
integers are accepted where a number is expected, as in JSON Schema.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

from .errors import ToolExecutionError, ToolValidationError, UnknownToolError
from .trace import ToolInvocation, Trace

_TYPE_CHECKS: dict[str, Callable[[Any], bool]] = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
    "null": lambda v: v is None,
}


def _json_type(value: Any) -> str:
    for name in ("null", "boolean", "integer", "number", "string", "array", "object"):
        if _TYPE_CHECKS[name](value):
            return name
    return type(value).__name__


def validate_arguments(schema: Mapping[str, Any], value: Any, path: str = "") -> list[str]:
    """Check ``value`` against ``schema`` and return a list of problems (empty if valid).

    Messages name the offending argument by its path, e.g.
    ``"missing required argument 'city'"`` or ``"'days' must be integer, got string"``.
    """
    errors: list[str] = []
    label = f"'{path}'" if path else "arguments"
    expected = schema.get("type")
    if expected is not None:
        allowed = expected if isinstance(expected, list) else [expected]
        if not any(_TYPE_CHECKS.get(t, lambda v: False)(value) for t in allowed):
            errors.append(f"{label} must be {' or '.join(allowed)}, got {_json_type(value)}")
            return errors
    if "enum" in schema and value not in schema["enum"]:
        options = ", ".join(json.dumps(o) for o in schema["enum"])
        errors.append(f"{label} must be one of {options}, got {json.dumps(value)}")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            errors.append(f"{label} must be >= {schema['minimum']}, got {value}")
        if "maximum" in schema and value > schema["maximum"]:
            errors.append(f"{label} must be <= {schema['maximum']}, got {value}")
    if isinstance(value, str):
        if "minLength" in schema and len(value) < schema["minLength"]:
            errors.append(f"{label} must have at least {schema['minLength']} characters")
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            errors.append(f"{label} must have at most {schema['maxLength']} characters")
    if isinstance(value, list):
        if "minItems" in schema and len(value) < schema["minItems"]:
            errors.append(f"{label} must have at least {schema['minItems']} items")
        if "maxItems" in schema and len(value) > schema["maxItems"]:
            errors.append(f"{label} must have at most {schema['maxItems']} items")
        if "items" in schema:
            for i, item in enumerate(value):
                errors.extend(validate_arguments(schema["items"], item, f"{path}[{i}]"))
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        for name in schema.get("required", []):
            if name not in value:
                where = f"{path}.{name}" if path else name
                errors.append(f"missing required argument '{where}'")
        for name, item in value.items():
            where = f"{path}.{name}" if path else name
            if name in properties:
                errors.extend(validate_arguments(properties[name], item, where))
            elif schema.get("additionalProperties") is False:
                errors.append(f"unexpected argument '{where}'")
    return errors


@dataclass
class Tool:
    """A callable the model may ask to run.

    ``parameters`` is a JSON-Schema object describing the keyword arguments of
    ``func``. ``idempotent`` documents whether repeating a call is safe (agent loops
    and retry policies may consult it).
    """

    name: str
    description: str
    parameters: dict[str, Any] = field(default_factory=lambda: {"type": "object", "properties": {}})
    func: Callable[..., Any] | None = None
    idempotent: bool = True

    def schema(self) -> dict[str, Any]:
        """The schema offered to a model: ``{"name", "description", "parameters"}``."""
        return {"name": self.name, "description": self.description, "parameters": self.parameters}

    def validate(self, arguments: Mapping[str, Any]) -> list[str]:
        """Problems with ``arguments`` (empty list when they are valid)."""
        return validate_arguments(self.parameters, dict(arguments) if isinstance(arguments, Mapping) else arguments)


@dataclass
class ToolResult:
    """Outcome of :meth:`ToolRegistry.execute`, ready to send back to the model."""

    call_id: str | None
    name: str
    ok: bool
    content: str
    value: Any = None

    def to_message(self) -> dict[str, Any]:
        """The ``tool`` message answering the call."""
        return {"role": "tool", "tool_call_id": self.call_id, "content": self.content}


def _render(value: Any) -> str:
    if isinstance(value, str):
        return value
    try:
        return json.dumps(value, sort_keys=True)
    except (TypeError, ValueError):
        return str(value)


class ToolRegistry:
    """Named tools with validation, invocation and a record of every invocation.

    >>> registry = ToolRegistry()
    >>> @registry.tool(description="Add two integers.",
    ...                parameters={"type": "object",
    ...                            "properties": {"a": {"type": "integer"}, "b": {"type": "integer"}},
    ...                            "required": ["a", "b"]})
    ... def add(a, b):
    ...     return a + b
    >>> registry.invoke("add", {"a": 2, "b": 3})
    5
    """

    def __init__(self, tools: list[Tool] | None = None, *, trace: Trace | None = None) -> None:
        self._tools: dict[str, Tool] = {}
        self.trace = trace
        #: Every invocation attempted through this registry, in order.
        self.invocations: list[ToolInvocation] = []
        for tool in tools or []:
            self.add(tool)

    # -- registration ------------------------------------------------------------
    def add(self, tool: Tool) -> Tool:
        """Register ``tool``; a duplicate name raises ``ValueError``."""
        if tool.name in self._tools:
            raise ValueError(f"a tool named '{tool.name}' is already registered")
        self._tools[tool.name] = tool
        return tool

    def register(
        self,
        name: str,
        description: str,
        parameters: dict[str, Any] | None = None,
        func: Callable[..., Any] | None = None,
        *,
        idempotent: bool = True,
    ) -> Tool:
        """Register ``func`` under ``name`` and return the :class:`Tool`."""
        return self.add(Tool(name, description, parameters or {"type": "object", "properties": {}}, func, idempotent))

    def tool(
        self,
        name: str | None = None,
        description: str | None = None,
        parameters: dict[str, Any] | None = None,
        *,
        idempotent: bool = True,
    ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """Decorator form of :meth:`register`; name and description default to the
        function's name and docstring."""

        def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
            self.register(
                name or func.__name__,
                description or (func.__doc__ or "").strip(),
                parameters,
                func,
                idempotent=idempotent,
            )
            return func

        return decorate

    # -- lookup ------------------------------------------------------------------
    def get(self, name: str) -> Tool:
        """The tool called ``name``; raises :class:`UnknownToolError`."""
        try:
            return self._tools[name]
        except KeyError:
            raise UnknownToolError(name, self.names()) from None

    def __contains__(self, name: object) -> bool:
        return name in self._tools

    def __len__(self) -> int:
        return len(self._tools)

    def names(self) -> list[str]:
        """Registered tool names in registration order."""
        return list(self._tools)

    def schemas(self) -> list[dict[str, Any]]:
        """Schemas of all tools, to pass as ``tools=`` to a model."""
        return [t.schema() for t in self._tools.values()]

    # -- invocation --------------------------------------------------------------
    def invoke(self, name: str, arguments: Mapping[str, Any] | None = None, *, call_id: str | None = None) -> Any:
        """Validate and run a tool, returning the function's value.

        Raises :class:`UnknownToolError`, :class:`ToolValidationError`, or
        :class:`ToolExecutionError` (wrapping what the function raised). Every attempt,
        successful or not, is recorded in :attr:`invocations` and on the trace.
        """
        args = dict(arguments or {})
        record = ToolInvocation(name=name, arguments=args, call_id=call_id)
        try:
            tool = self.get(name)
            problems = tool.validate(args)
            if problems:
                raise ToolValidationError(name, problems)
            if tool.func is None:
                raise ToolExecutionError(name, RuntimeError("tool has no implementation"))
            try:
                result = tool.func(**args)
            except Exception as exc:  # the tool's own failure, reported to the caller
                raise ToolExecutionError(name, exc) from exc
        except (UnknownToolError, ToolValidationError, ToolExecutionError) as exc:
            record.error = str(exc)
            self._record(record)
            raise
        record.result = result
        self._record(record)
        return result

    def execute(self, call: Any) -> ToolResult:
        """Run a :class:`~agentlab.model.ToolCall` (or a dict in OpenAI or flat shape)
        and never raise for tool problems: errors become ``ToolResult(ok=False)`` whose
        ``content`` starts with ``"Error: "`` and explains what to fix, so the loop can
        send it back to the model."""
        if isinstance(call, Mapping):
            function = call.get("function", call)
            arguments = function.get("arguments", {})
            if isinstance(arguments, str):
                try:
                    arguments = json.loads(arguments) if arguments.strip() else {}
                except json.JSONDecodeError as exc:
                    message = f"Error: arguments are not valid JSON ({exc.msg})"
                    self._record(ToolInvocation(function.get("name", ""), {}, error=message, call_id=call.get("id")))
                    return ToolResult(call.get("id"), function.get("name", ""), False, message)
            name, call_id = function["name"], call.get("id")
        else:
            name, arguments, call_id = call.name, call.arguments, call.id
        try:
            value = self.invoke(name, arguments, call_id=call_id)
        except (UnknownToolError, ToolValidationError, ToolExecutionError) as exc:
            return ToolResult(call_id, name, False, f"Error: {exc}")
        return ToolResult(call_id, name, True, _render(value), value)

    def _record(self, record: ToolInvocation) -> None:
        self.invocations.append(record)
        if self.trace is not None:
            self.trace.record_tool_call(record)
