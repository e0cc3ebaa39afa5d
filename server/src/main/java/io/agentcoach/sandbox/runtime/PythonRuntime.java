package io.agentcoach.sandbox.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Python 3 from the host's /usr, with the teaching library and the grader (resources under
 * {@code sandbox/python}) on {@code PYTHONPATH} when present. Started with -S: the box has no
 * site-packages to offer, and skipping the site module saves start-up time on every run.
 */
final class PythonRuntime implements LanguageRuntime {

    static final String LIBRARY = "/opt/agentcoach/python";

    private final Path interpreter;
    private final Optional<Path> library;

    PythonRuntime(Path interpreter, Optional<Path> library) {
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
        library.ifPresent(dir -> args.addAll(List.of("--ro-bind", dir.toString(), LIBRARY)));
        return args;
    }

    @Override
    public Map<String, String> environment() {
        return library.isPresent()
                ? Map.of("PYTHONPATH", LIBRARY, "PYTHONDONTWRITEBYTECODE", "1", "PYTHONHASHSEED", "0")
                : Map.of("PYTHONDONTWRITEBYTECODE", "1", "PYTHONHASHSEED", "0");
    }

    @Override
    public List<String> command(String entryPoint, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(interpreter.toString(), "-B", "-S", INPUT + "/" + entryPoint));
        command.addAll(arguments);
        return command;
    }
}
