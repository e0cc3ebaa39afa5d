package io.agentcoach.sandbox.runtime;

import java.util.List;
import java.util.Map;

/**
 * A language the sandbox can run: what the box mounts (read-only) and which command it starts.
 * Inputs are always at {@link #INPUT} (read-only) and the writable scratch directory at {@link #WORK}.
 */
interface LanguageRuntime {

    String INPUT = "/input";
    String WORK = "/work";

    /** The name requests use, e.g. {@code python3}. */
    String name();

    /** bubblewrap arguments that mount what the language needs, all read-only. */
    List<String> mounts();

    /** Environment inside the box besides PATH, HOME and LANG. */
    Map<String, String> environment();

    /** The command that runs {@code entryPoint} (a file in {@link #INPUT}) with {@code arguments}. */
    List<String> command(String entryPoint, List<String> arguments);
}
