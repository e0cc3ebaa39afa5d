package io.agentcoach.content.loading;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Where content files come from: a directory (content/ in a checkout, or a configured one) or
 * the classpath copy packaged into the server jar, listed by its index file.
 * Paths are relative, with '/' separators.
 */
public interface ContentSource {

    /** Every file, sorted. */
    List<String> files();

    String read(String path);

    /** A short description for messages ("directory /srv/content"). */
    String describe();

    static ContentSource directory(Path root) {
        return new ContentSource() {
            @Override
            public List<String> files() {
                try (Stream<Path> walk = Files.walk(root)) {
                    return walk.filter(Files::isRegularFile)
                            .map(p -> root.relativize(p).toString().replace('\\', '/'))
                            .filter(p -> !p.startsWith("tools/") && !p.contains("__pycache__"))
                            .sorted()
                            .toList();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list content in " + root, e);
                }
            }

            @Override
            public String read(String path) {
                try {
                    return Files.readString(root.resolve(path), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read content file " + path, e);
                }
            }

            @Override
            public String describe() {
                return "directory " + root.toAbsolutePath().normalize();
            }
        };
    }

    /** The copy of content/ packaged under {@code content/} in the server jar. */
    static ContentSource classpath(ClassLoader loader) {
        Map<String, Resource> resources = new TreeMap<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver(loader).getResources("classpath*:content/**")) {
                String url = r.getURL().toString();
                int at = url.lastIndexOf("/content/");
                if (r.isReadable() && at >= 0 && !url.endsWith("/")) {
                    String path = url.substring(at + "/content/".length());
                    if (!path.startsWith("tools/") && !path.contains("__pycache__")) {
                        resources.put(path, r);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the packaged curriculum", e);
        }
        return new ContentSource() {
            @Override
            public List<String> files() {
                return List.copyOf(resources.keySet());
            }

            @Override
            public String read(String path) {
                try (InputStream in = resources.get(path).getInputStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read packaged content file " + path, e);
                }
            }

            @Override
            public String describe() {
                return "packaged curriculum (classpath content/)";
            }
        };
    }
}
