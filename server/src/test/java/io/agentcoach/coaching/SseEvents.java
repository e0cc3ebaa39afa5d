package io.agentcoach.coaching;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a server-sent event stream as the coach sends it: named events with JSON data. */
public final class SseEvents {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private SseEvents() {
    }

    /** The data of every event called {@code name}, in order. */
    public static List<JsonNode> named(String body, String name) {
        List<JsonNode> found = new ArrayList<>();
        for (String block : body.split("\n\n")) {
            String event = null;
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5));
                }
            }
            if (name.equals(event)) {
                found.add(JSON.readTree(data.toString()));
            }
        }
        return found;
    }

    /** The concatenated text of the {@code token} events. */
    public static String streamedText(String body) {
        return String.join("", named(body, "token").stream().map(t -> t.get("text").asString()).toList());
    }
}
