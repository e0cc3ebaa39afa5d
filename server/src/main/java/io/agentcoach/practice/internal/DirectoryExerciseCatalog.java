package io.agentcoach.practice.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.agentcoach.practice.Exercise;
import io.agentcoach.practice.ExerciseCatalog;
import io.agentcoach.practice.PracticeSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.stereotype.Component;

/** Exercises read from {@code agentcoach.practice.exercises-dir}, used while no other catalog is present. */
@Component
@ConditionalOnMissingBean(value = ExerciseCatalog.class, ignored = DirectoryExerciseCatalog.class)
class DirectoryExerciseCatalog implements ExerciseCatalog {

    private final Path root;

    DirectoryExerciseCatalog(PracticeSettings settings) {
        this.root = settings.exercisesDir();
    }

    @Override
    public Optional<Exercise> find(String exerciseId) {
        if (!exerciseId.matches("[a-z0-9][a-z0-9-]{0,99}")) {
            return Optional.empty();
        }
        Path dir = root.resolve(exerciseId);
        if (!Files.isRegularFile(dir.resolve("tests_public.py"))) {
            return Optional.empty();
        }
        try {
            UUID owner = read(dir, "organization.txt").map(String::strip).map(UUID::fromString).orElse(null);
            Set<String> skills = read(dir, "skills.txt").map(text -> Arrays.stream(text.split("\n"))
                    .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet())).orElse(Set.of());
            return Optional.of(new Exercise(exerciseId, owner, "python3", read(dir, "starter.py").orElse(""),
                    read(dir, "tests_public.py").orElseThrow(), read(dir, "tests_hidden.py").orElse(""), skills));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> read(Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        return Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
    }
}
