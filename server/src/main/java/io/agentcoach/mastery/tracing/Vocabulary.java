package io.agentcoach.mastery.tracing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Assigns dense integer ids to names (item or skill ids as a source spells them), in order of first sight. */
public final class Vocabulary {
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    public synchronized int id(String name) {
        Integer id = ids.get(name);
        if (id == null) {
            id = names.size();
            ids.put(name, id);
            names.add(name);
        }
        return id;
    }

    /** The id of {@code name}, or -1 if it has none yet. */
    public synchronized int find(String name) {
        return ids.getOrDefault(name, -1);
    }

    public synchronized String name(int id) {
        return names.get(id);
    }

    public synchronized int size() {
        return names.size();
    }
}
