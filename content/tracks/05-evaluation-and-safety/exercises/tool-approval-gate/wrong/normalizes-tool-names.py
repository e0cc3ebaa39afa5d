"""A least-privilege gate between the model's tool requests and the tool registry."""

import copy

from agentlab import ToolResult

_MODES = {"allow", "approve", "deny"}


class ToolGate:
    """Decide whether each tool call may run; log every decision."""

    def __init__(self, registry, policy, approver):
        self.registry = registry
        self.policy = policy
        self.approver = approver
        self.log = []

    def _decide(self, name, arguments, decision, reason):
        self.log.append({"tool": name, "arguments": dict(arguments), "decision": decision, "reason": reason})
        return {"decision": decision, "reason": reason}

    def check(self, name, arguments):
        """Return {"decision": "allow" | "deny", "reason": str}."""
        name = name.strip().lower() if isinstance(name, str) else name
        rule = self.policy.get(name) if isinstance(name, str) else None
        if rule is None:
            return self._decide(name, arguments, "deny", f"tool {name!r} is not allowed")
        mode = rule.get("mode")
        if mode not in _MODES:
            return self._decide(name, arguments, "deny", f"invalid policy mode {mode!r} for {name!r}")
        if mode == "deny":
            return self._decide(name, arguments, "deny", f"tool {name!r} is denied by policy")
        for arg, limit in rule.get("max", {}).items():
            if arg not in arguments:
                continue
            value = arguments[arg]
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                return self._decide(name, arguments, "deny", f"{arg} must be a number, got {value!r}")
            if value > limit:
                return self._decide(name, arguments, "deny", f"{arg} {value} exceeds the limit of {limit}")
        if mode == "approve":
            try:
                approved = self.approver(name, copy.deepcopy(dict(arguments)))
            except Exception as exc:  # fail closed
                return self._decide(name, arguments, "deny", f"approval failed: {type(exc).__name__}: {exc}")
            if approved is True:
                return self._decide(name, arguments, "allow", "approved")
            return self._decide(name, arguments, "deny", "not approved")
        return self._decide(name, arguments, "allow", "allowed")

    def execute(self, call):
        """Run `call` through the registry if the gate allows it."""
        decision = self.check(call.name, call.arguments)
        if decision["decision"] == "deny":
            return ToolResult(call.id, call.name, False, "Error: denied: " + decision["reason"])
        return self.registry.execute(call)
