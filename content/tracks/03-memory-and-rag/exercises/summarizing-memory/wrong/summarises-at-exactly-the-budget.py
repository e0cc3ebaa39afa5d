"""Conversation memory that folds old messages into a running summary."""

from agentlab import count_message_tokens

SUMMARIZER_PROMPT = (
    "You maintain the memory of a support conversation. Update the summary with the new "
    "messages. Keep names, facts, decisions, open questions and commitments; drop small talk. "
    "Write at most five short sentences."
)


class SummarizingMemory:
    """Recent messages verbatim plus a model-written summary of older ones."""

    def __init__(self, model, system_prompt: str, max_tokens: int, keep_recent: int = 4,
                 summary_max_tokens: int = 200) -> None:
        self.model = model
        self.system_prompt = system_prompt
        self.max_tokens = max_tokens
        self.keep_recent = keep_recent
        self.summary_max_tokens = summary_max_tokens
        self.summary = ""
        self.recent: list[dict] = []

    def context(self) -> list[dict]:
        """System prompt, then the summary (if any), then the recent messages."""
        messages = [{"role": "system", "content": self.system_prompt}]
        if self.summary:
            messages.append({"role": "system", "content": "Summary of the earlier conversation:\n" + self.summary})
        return messages + self.recent

    def add(self, message: dict) -> None:
        """Append a message; summarise older messages when over budget."""
        self.recent.append(message)
        if count_message_tokens(self.context()) < self.max_tokens or len(self.recent) <= self.keep_recent:
            return
        evicted = self.recent[:-self.keep_recent] if self.keep_recent else list(self.recent)
        self.recent = self.recent[-self.keep_recent:] if self.keep_recent else []
        self.summary = self._summarise(evicted)

    def _summarise(self, evicted: list[dict]) -> str:
        parts = []
        if self.summary:
            parts.append("Current summary:\n" + self.summary + "\n")
        parts.append("New messages:")
        parts.extend(f"{m['role']}: {m['content']}" for m in evicted)
        request = [
            {"role": "system", "content": SUMMARIZER_PROMPT},
            {"role": "user", "content": "\n".join(parts)},
        ]
        response = self.model.complete(request, temperature=0, max_tokens=self.summary_max_tokens)
        return (response.content or "").strip()
