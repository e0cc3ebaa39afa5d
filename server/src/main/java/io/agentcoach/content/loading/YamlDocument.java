package io.agentcoach.content.loading;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads YAML as a node tree so every value keeps its line: problems are reported at the line of
 * the offending value. Field accessors add a {@link ContentProblem} and return a fallback when a
 * field is missing or of the wrong type, so one pass finds every problem in a file.
 */
final class YamlDocument {

    private final String file;
    private final int lineOffset;
    private final List<ContentProblem> problems;

    private YamlDocument(String file, int lineOffset, List<ContentProblem> problems) {
        this.file = file;
        this.lineOffset = lineOffset;
        this.problems = problems;
    }

    /** Parses {@code text}; on a syntax error records it and returns null. */
    static Node parse(String file, String text, int lineOffset, List<ContentProblem> problems) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        options.setCodePointLimit(1_000_000);
        try {
            Node node = new Yaml(options).compose(new StringReader(text));
            if (node == null) {
                problems.add(new ContentProblem(file, lineOffset + 1, "empty YAML document"));
            }
            return node;
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 1;
            problems.add(new ContentProblem(file, lineOffset + line, "invalid YAML: " + e.getProblem()));
        } catch (YAMLException e) {
            problems.add(new ContentProblem(file, lineOffset + 1, "invalid YAML: " + e.getMessage()));
        }
        return null;
    }

    static YamlDocument of(String file, int lineOffset, List<ContentProblem> problems) {
        return new YamlDocument(file, lineOffset, problems);
    }

    int line(Node node) {
        return node == null ? lineOffset + 1 : lineOffset + node.getStartMark().getLine() + 1;
    }

    void problem(Node at, String message) {
        problems.add(new ContentProblem(file, line(at), message));
    }

    Map<String, Node> mapping(Node node, String what) {
        if (!(node instanceof MappingNode mapping)) {
            problem(node, what + " must be a mapping of fields");
            return Map.of();
        }
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                fields.put(key.getValue(), tuple.getValueNode());
            }
        }
        return fields;
    }

    List<Node> sequence(Node node, String what) {
        if (!(node instanceof SequenceNode seq)) {
            problem(node, what + " must be a list");
            return List.of();
        }
        return seq.getValue();
    }

    String string(Map<String, Node> fields, String name, Node owner) {
        Node node = fields.get(name);
        if (node == null) {
            problem(owner, "missing field '" + name + "'");
            return "";
        }
        if (!(node instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
            problem(node, "'" + name + "' must be non-empty text");
            return "";
        }
        return scalar.getValue().strip();
    }

    int integer(Map<String, Node> fields, String name, Node owner, int min, int max) {
        String text = string(fields, name, owner);
        if (text.isEmpty()) {
            return min;
        }
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                problem(fields.get(name), "'" + name + "' must be between " + min + " and " + max + ", not " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            problem(fields.get(name), "'" + name + "' must be a whole number, not '" + text + "'");
            return min;
        }
    }

    /** A list of non-empty strings; missing is an error unless {@code optional}. */
    List<String> strings(Map<String, Node> fields, String name, Node owner, boolean optional) {
        Node node = fields.get(name);
        if (node == null) {
            if (!optional) {
                problem(owner, "missing field '" + name + "'");
            }
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (Node item : sequence(node, "'" + name + "'")) {
            if (item instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
                values.add(scalar.getValue().strip());
            } else {
                problem(item, "'" + name + "' entries must be non-empty text");
            }
        }
        return values;
    }

    String file() {
        return file;
    }
}
