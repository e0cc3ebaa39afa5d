package io.agentcoach.sandbox;

import java.util.List;
import java.util.Map;

/**
 * One program to run in the sandbox.
 *
 * @param runtime the language runtime, e.g. {@code python3}
 * @param files file name to text; visible read-only in the run's input directory (flat names only)
 * @param entryPoint the file in {@code files} to run
 * @param arguments command-line arguments for the program
 * @param stdin what the program reads on standard input (empty: nothing)
 * @param limits what the run may use
 */
public record RunRequest(String runtime, Map<String, String> files, String entryPoint, List<String> arguments,
        String stdin, Limits limits) {

    public RunRequest {
        files = Map.copyOf(files);
        arguments = List.copyOf(arguments);
        if (!files.containsKey(entryPoint)) {
            throw new IllegalArgumentException("entry point " + entryPoint + " is not among the files");
        }
        files.keySet().forEach(RunRequest::requireFlatName);
    }

    private static void requireFlatName(String name) {
        if (!name.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}")) {
            throw new IllegalArgumentException("file name not allowed: " + name);
        }
    }
}
