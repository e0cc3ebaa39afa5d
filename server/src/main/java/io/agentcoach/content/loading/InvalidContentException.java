package io.agentcoach.content.loading;

import java.util.List;
import java.util.stream.Collectors;

/** The content did not validate; nothing of it was loaded. Lists every problem found. */
public class InvalidContentException extends RuntimeException {

    private final List<ContentProblem> problems;

    public InvalidContentException(List<ContentProblem> problems) {
        super("Content is invalid (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + "):\n  "
                + problems.stream().map(ContentProblem::toString).collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public List<ContentProblem> problems() {
        return problems;
    }
}
