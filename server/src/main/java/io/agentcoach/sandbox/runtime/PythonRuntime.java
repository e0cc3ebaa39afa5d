package io.agentcoach.sandbox.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Python 3 from the host's /usr, with the teaching library, the grader and the launcher (resources
 * under {@code sandbox/python}) on {@code PYTHONPATH}. Started with -S: the box has no
 * site-packages to offer, and skipping the site module saves start-up time on every run. The
 * launcher ({@code agentcoach_launcher.py}) runs the program in its own interpreter, so a box's
 * Python start-up and the grader's imports happen before the request arrives.
 */
final class PythonRuntime implements LanguageRuntime {

    static final String LIBRARY = "/opt/agentcoach/python";

    private final Path interpreter;
    private final Path library;

    PythonRuntime(Path interpreter, Path library) {
        this.interpreter = interpreter;
        this.library = library;
    }

    @Override
    public String name() {
        return "python3";
    }

    @Override
    public List<String> mounts() {
        List<String> args = new ArrayList<>(List.of(
                "--ro-bind", "/usr", "/usr",
                "--symlink", "usr/lib", "/lib",
                "--symlink", "usr/lib64", "/lib64",
                "--symlink", "usr/bin", "/bin",
                "--symlink", "usr/sbin", "/sbin",
                "--ro-bind-try", "/etc/ld.so.cache", "/etc/ld.so.cache",
                "--ro-bind-try", "/etc/localtime", "/etc/localtime"));
        args.addAll(List.of("--ro-bind", library.toString(), LIBRARY));
        return args;
    }

    @Override
    public Map<String, String> environment() {
        return Map.of("PYTHONPATH", LIBRARY, "PYTHONDONTWRITEBYTECODE", "1", "PYTHONHASHSEED", "0");
    }

    @Override
    public List<String> launcher() {
        return List.of(interpreter.toString(), "-B", "-S", LIBRARY + "/agentcoach_launcher.py");
    }
}
