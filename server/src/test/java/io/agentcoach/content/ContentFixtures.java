package io.agentcoach.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The smallest valid curriculum (src/test/resources/content-fixture) and copies of it to break. */
public final class ContentFixtures {

    public static final Path VALID = Path.of("src/test/resources/content-fixture");

    private ContentFixtures() {
    }

    /** A writable copy of the valid fixture under {@code dir}. */
    public static Path copyOfValid(Path dir) {
        try (Stream<Path> files = Files.walk(VALID)) {
            for (Path source : files.toList()) {
                Path target = dir.resolve(VALID.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository's own curriculum. */
    public static Path repositoryContent() {
        return Path.of(System.getProperty("agentcoach.repo-root", ".."), "content");
    }
}
