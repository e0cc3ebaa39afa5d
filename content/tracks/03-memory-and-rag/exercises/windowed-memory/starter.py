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

    def context(self) -> list[dict]:
        """Return [system, *most recent messages that fit]."""
        # First cut: windows message by message, which can split a tool call from its results.
        system = {"role": "system", "content": self.system_prompt}
        window: list[dict] = []
        for message in reversed(self.history):
            if count_message_tokens([system, message, *window]) > self.max_tokens:
                break
            window.insert(0, message)
        return [system, *window]
