package io.agentcoach.sandbox;

/** A limit that can stop a run; {@link #status()} is the short word clients branch on. */
public enum Limit {
    CPU_TIME("timeout"), WALL_TIME("timeout"), MEMORY("memory"), PROCESSES("processes"), OUTPUT("output"),
    FILE_SIZE("file-size");

    private final String status;

    Limit(String status) {
        this.status = status;
    }

    public String status() {
        return status;
    }
}
