package io.agentcoach.content.loading;

/** One thing wrong with the content, located by file (relative to content/) and 1-based line. */
public record ContentProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
