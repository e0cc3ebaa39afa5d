package io.agentcoach.content;

import java.util.List;

/** A track of the course: an ordered set of lessons and exercises. */
public record Track(String id, String title, String summary, int order, List<String> lessonIds,
        List<String> exerciseIds) {

    public Track {
        lessonIds = List.copyOf(lessonIds);
        exerciseIds = List.copyOf(exerciseIds);
    }
}
