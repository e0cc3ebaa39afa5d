package io.agentcoach.content;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The skills and their prerequisite edges; acyclic by construction (the loader refuses cycles).
 * {@link #skills()} lists them in a topological order: every skill after its prerequisites.
 */
public final class SkillGraph {

    private final Map<String, Skill> byId;

    public SkillGraph(Collection<Skill> skills) {
        Map<String, Skill> map = new LinkedHashMap<>();
        skills.forEach(s -> map.put(s.id(), s));
        this.byId = topologicalOrder(map);
    }

    public List<Skill> skills() {
        return List.copyOf(byId.values());
    }

    public Optional<Skill> skill(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    /** All skills that must come before {@code id}, transitively, nearest first. */
    public Set<String> prerequisitesOf(String id) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(skill(id).map(Skill::prerequisites).orElse(List.of()));
        while (!todo.isEmpty()) {
            String next = todo.removeFirst();
            if (seen.add(next)) {
                todo.addAll(skill(next).map(Skill::prerequisites).orElse(List.of()));
            }
        }
        return seen;
    }

    /**
     * A cycle in the prerequisite edges, as the list of skill ids around it (first id repeated
     * at the end), or empty when the graph is acyclic. Unknown prerequisite ids are ignored here.
     */
    public static List<String> findCycle(Map<String, List<String>> edges) {
        Map<String, Integer> state = new LinkedHashMap<>();
        Deque<String> path = new ArrayDeque<>();
        for (String start : edges.keySet()) {
            List<String> cycle = visit(start, edges, state, path);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        return List.of();
    }

    private static List<String> visit(String node, Map<String, List<String>> edges, Map<String, Integer> state,
            Deque<String> path) {
        Integer s = state.get(node);
        if (s != null && s == 2) {
            return List.of();
        }
        if (s != null && s == 1) {
            List<String> cycle = new java.util.ArrayList<>();
            boolean in = false;
            for (String p : path.reversed()) {
                in |= p.equals(node);
                if (in) {
                    cycle.add(p);
                }
            }
            cycle.add(node);
            return cycle;
        }
        state.put(node, 1);
        path.push(node);
        for (String next : edges.getOrDefault(node, List.of())) {
            if (edges.containsKey(next)) {
                List<String> cycle = visit(next, edges, state, path);
                if (!cycle.isEmpty()) {
                    return cycle;
                }
            }
        }
        path.pop();
        state.put(node, 2);
        return List.of();
    }

    private static Map<String, Skill> topologicalOrder(Map<String, Skill> skills) {
        Map<String, Skill> ordered = new LinkedHashMap<>();
        Set<String> visiting = new LinkedHashSet<>();
        for (String id : skills.keySet()) {
            place(id, skills, ordered, visiting);
        }
        return ordered;
    }

    private static void place(String id, Map<String, Skill> skills, Map<String, Skill> ordered, Set<String> visiting) {
        Skill skill = skills.get(id);
        if (skill == null || ordered.containsKey(id)) {
            return;
        }
        if (!visiting.add(id)) {
            throw new IllegalArgumentException("prerequisite cycle through skill " + id);
        }
        skill.prerequisites().forEach(p -> place(p, skills, ordered, visiting));
        visiting.remove(id);
        ordered.put(id, skill);
    }
}
