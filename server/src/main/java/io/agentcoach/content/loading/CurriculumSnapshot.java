package io.agentcoach.content.loading;

import java.util.List;
import java.util.Map;

import io.agentcoach.content.Exercise;
import io.agentcoach.content.ExerciseBundle;
import io.agentcoach.content.Lesson;
import io.agentcoach.content.SkillGraph;
import io.agentcoach.content.Track;

/** A whole, validated curriculum: what one load of content/ produced. Immutable. */
public record CurriculumSnapshot(String version, List<Track> tracks, Map<String, Lesson> lessons,
        Map<String, Exercise> exercises, Map<String, ExerciseBundle> bundles, SkillGraph skills) {

    public CurriculumSnapshot {
        tracks = List.copyOf(tracks);
        lessons = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(lessons));
        exercises = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(exercises));
        bundles = Map.copyOf(bundles);
    }
}
