"""A least-privilege gate between the model's tool requests and the tool registry."""

from agentlab import ToolResult


class ToolGate:
    """Decide whether each tool call may run; log every decision."""

    def __init__(self, registry, policy, approver):
        self.registry = registry
        self.policy = policy
        self.approver = approver
        self.log = []

    def check(self, name, arguments):
        """Return {"decision": "allow" | "deny", "reason": str}.

        This first cut only knows the allow-list.
        """
        rule = self.policy.get(name)
        if rule is None:
            decision = {"decision": "deny", "reason": f"tool {name!r} is not allowed"}
        else:
            decision = {"decision": "allow", "reason": "allowed"}
        self.log.append({"tool": name, "arguments": dict(arguments), **decision})
        return decision

    def execute(self, call):
        """Run `call` through the registry if the gate allows it."""
        decision = self.check(call.name, call.arguments)
        if decision["decision"] == "deny":
            return ToolResult(call.id, call.name, False, "Error: denied: " + decision["reason"])
        return self.registry.execute(call)
