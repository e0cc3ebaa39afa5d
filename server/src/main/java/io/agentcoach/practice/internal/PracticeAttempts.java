package io.agentcoach.practice.internal;

import java.util.Optional;
import java.util.UUID;

import io.agentcoach.practice.Attempts;
import io.agentcoach.practice.internal.PracticeRecords.Submission;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** {@link Attempts} over practice's own tables. */
@Component
class PracticeAttempts implements Attempts {

    private final PracticeStore store;
    private final JsonMapper json = JsonMapper.builder().build();

    PracticeAttempts(PracticeStore store) {
        this.store = store;
    }

    @Override
    public Optional<LatestWork> latestFor(UUID organizationId, UUID userId, String exerciseId) {
        Optional<PracticeRecords.Attempt> draft = store.latestAttempt(organizationId, userId, exerciseId);
        var history = store.history(userId, exerciseId).stream()
                .filter(s -> s.organizationId().equals(organizationId)).toList();
        if (draft.isEmpty() && history.isEmpty()) {
            return Optional.empty();
        }
        GradedResult graded = history.stream().filter(s -> s.gradedAt() != null).findFirst().map(this::result)
                .orElse(null);
        Submission submitted = history.isEmpty() ? null : history.getFirst();
        boolean submissionIsNewer = submitted != null
                && (draft.isEmpty() || !submitted.submittedAt().isBefore(draft.get().updatedAt()));
        return Optional.of(submissionIsNewer
                ? new LatestWork(exerciseId, submitted.code(), submitted.submittedAt(), true, graded)
                : new LatestWork(exerciseId, draft.get().draft(), draft.get().updatedAt(), false, graded));
    }

    @Override
    public Optional<SubmittedWork> submission(UUID organizationId, UUID userId, UUID submissionId) {
        return store.submission(submissionId, userId).filter(s -> s.organizationId().equals(organizationId))
                .map(s -> new SubmittedWork(s.id(), s.exerciseId(), s.code(), s.status(), s.submittedAt(),
                        s.gradedAt() == null ? null : result(s)));
    }

    private GradedResult result(Submission s) {
        Verdict verdict = s.result() == null ? null : json.readValue(s.result(), Verdict.class);
        if (verdict == null) {
            return new GradedResult(s.id(), Boolean.TRUE.equals(s.passed()), s.score() == null ? 0 : s.score(),
                    java.util.List.of(), "", s.gradedAt());
        }
        return new GradedResult(s.id(), verdict.passed(), verdict.score(), verdict.tests().stream()
                .map(t -> new TestOutcome(t.suite(), t.name(), t.passed(), t.message())).toList(),
                verdict.stderr() == null ? "" : verdict.stderr(), s.gradedAt());
    }
}
