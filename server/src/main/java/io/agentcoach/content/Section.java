package io.agentcoach.content;

/** A heading of a lesson: its anchor (GitHub-style slug), text and level (2 for ##). */
public record Section(String anchor, String title, int level) {
}
