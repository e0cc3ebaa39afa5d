package io.agentcoach.mastery.tracing;

/** An attempt log that is not in a supported format; names the line and the reason. */
public final class MalformedAttemptLogException extends Exception {
    private final int line;
    private final String reason;

    public MalformedAttemptLogException(int line, String reason) {
        super("line " + line + ": " + reason);
        this.line = line;
        this.reason = reason;
    }

    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
