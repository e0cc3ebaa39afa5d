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
 * The public curriculum as the content module serves it: lessons, exercise statements and their
 * hints. Hidden tests and reference solutions never reach the index. Source ids are the content
 * ids (lesson id, exercise id, {@code <exercise id>/hints}), so citations link straight to them.
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
            documents.add(new CurriculumDocument(lesson.id(), lesson.title(), SourceType.LESSON, lesson.trackId(),
                    lesson.skills(), lesson.markdown()));
        }
        for (Exercise exercise : curriculum.exercises()) {
            documents.add(new CurriculumDocument(exercise.id(), exercise.title(), SourceType.EXERCISE,
                    exercise.trackId(), exercise.skills(), exercise.statementMarkdown()));
            String hints = String.join("\n\n", IntStream.range(0, exercise.hints().size())
                    .mapToObj(i -> "## Hint " + (i + 1) + "\n\n" + exercise.hints().get(i)).toList());
            documents.add(new CurriculumDocument(exercise.id() + "/hints", "Hints: " + exercise.title(),
                    SourceType.HINT, exercise.trackId(), exercise.skills(), hints));
        }
        return documents;
    }
}
