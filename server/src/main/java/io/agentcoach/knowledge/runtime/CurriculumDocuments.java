package io.agentcoach.knowledge.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import io.agentcoach.content.Curriculum;
import io.agentcoach.content.Exercise;
import io.agentcoach.content.Lesson;
import io.agentcoach.knowledge.CurriculumDocument;
import io.agentcoach.knowledge.CurriculumSource;
import io.agentcoach.knowledge.SourceType;
import org.springframework.stereotype.Component;

/**
 * The curriculum as the content module serves it: lessons, exercise statements and their hints,
 * shipped and organization-private (each private one carrying its organization, so the index's
 * tenant filter applies to it). Hidden tests and reference solutions never reach the index. Source
 * ids are the content ids (lesson id, exercise id, {@code <exercise id>/hints}), so citations link
 * straight to them.
 */
@Component
class CurriculumDocuments implements CurriculumSource {

    private final Curriculum curriculum;

    CurriculumDocuments(Curriculum curriculum) {
        this.curriculum = curriculum;
    }

    @Override
    public List<CurriculumDocument> documents() {
        List<CurriculumDocument> documents = new ArrayList<>();
        for (Lesson lesson : curriculum.lessons()) {
            documents.add(document(lesson));
        }
        for (Exercise exercise : curriculum.exercises()) {
            addExercise(documents, exercise);
        }
        for (Lesson lesson : curriculum.organizationLessons()) {
            documents.add(document(lesson));
        }
        for (Exercise exercise : curriculum.organizationExercises()) {
            addExercise(documents, exercise);
        }
        return documents;
    }

    private static CurriculumDocument document(Lesson lesson) {
        return new CurriculumDocument(lesson.id(), lesson.title(), SourceType.LESSON, lesson.trackId(), lesson.skills(),
                lesson.markdown(), lesson.organizationId());
    }

    private static void addExercise(List<CurriculumDocument> documents, Exercise exercise) {
        documents.add(new CurriculumDocument(exercise.id(), exercise.title(), SourceType.EXERCISE, exercise.trackId(),
                exercise.skills(), exercise.statementMarkdown(), exercise.organizationId()));
        String hints = String.join("\n\n", IntStream.range(0, exercise.hints().size())
                .mapToObj(i -> "## Hint " + (i + 1) + "\n\n" + exercise.hints().get(i)).toList());
        documents.add(new CurriculumDocument(exercise.id() + "/hints", "Hints: " + exercise.title(), SourceType.HINT,
                exercise.trackId(), exercise.skills(), hints, exercise.organizationId()));
    }
}
