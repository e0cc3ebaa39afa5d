package io.agentcoach.knowledge;

/** What kind of text a passage comes from. */
public enum SourceType {
    LESSON, EXERCISE, HINT, DOCUMENT
}
