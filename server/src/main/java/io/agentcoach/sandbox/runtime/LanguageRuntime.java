package io.agentcoach.sandbox.runtime;

import java.util.List;
import java.util.Map;

/**
 * A language the sandbox can run: what the box mounts (read-only) and the launcher it starts.
 * Inputs are always at {@link #INPUT} (read-only) and the writable scratch directory at {@link #WORK}.
 * A box is started before its request is known: the launcher waits for one header line on stdin,
 * {@code {"entry": "<file in INPUT>", "argv": [...]}}, then runs that file with those arguments,
 * the rest of stdin being the program's.
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

    /** The command that starts the launcher. */
    List<String> launcher();
}
