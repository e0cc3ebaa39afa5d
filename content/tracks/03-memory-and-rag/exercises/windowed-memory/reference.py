"""Conversation memory that keeps the most recent whole units within a token budget."""

from agentlab import count_message_tokens


class WindowedMemory:
    """Keeps the full history and returns a token-bounded window of it."""

    def __init__(self, system_prompt: str, max_tokens: int) -> None:
        self.system_prompt = system_prompt
        self.max_tokens = max_tokens
        self.history: list[dict] = []

    def add(self, message: dict) -> None:
        """Append a message to the full history."""
        self.history.append(message)

    def _units(self) -> list[list[dict]]:
        units: list[list[dict]] = []
        for message in self.history:
            if message.get("role") == "tool" and units and units[-1][0].get("tool_calls"):
                units[-1].append(message)
            else:
                units.append([message])
        return units

    def context(self) -> list[dict]:
        """Return [system, *most recent whole units that fit]."""
        system = {"role": "system", "content": self.system_prompt}
        budget = self.max_tokens - count_message_tokens([system])
        units = self._units()
        kept: list[list[dict]] = []
        used = 0
        for unit in reversed(units):
            cost = count_message_tokens(unit)
            if used + cost > budget:
                break
            kept.append(unit)
            used += cost
        if units and not kept:
            raise ValueError("the most recent message does not fit in the memory's token budget")
        window = [message for unit in reversed(kept) for message in unit]
        return [system, *window]
