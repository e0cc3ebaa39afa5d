package io.agentcoach.coaching.guardrails;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SolutionDisclosureRuleTests {

    static final String REFERENCE_SOLUTION = """
            import time

            def call_with_retry(fn, attempts=3, base_delay=1.0):
                \"\"\"Call fn, retrying on failure with exponential backoff.\"\"\"
                for attempt in range(attempts):
                    try:
                        return fn()
                    except Exception:
                        if attempt == attempts - 1:
                            raise
                        time.sleep(base_delay * 2 ** attempt)
            """;

    private final SolutionDisclosureRule rule = new SolutionDisclosureRule(GuardrailSettings.defaults());

    private static String answerWithCode(String code) {
        return "Here is how you could approach it:\n\n```python\n" + code + "```\n\nRun the tests to check.";
    }

    @Test
    void withholdsTheReferenceSolutionItself() {
        Decision decision = rule.evaluate(answerWithCode(REFERENCE_SOLUTION),
                GuardContexts.answerForUnsolvedExercise(REFERENCE_SOLUTION));

        assertThat(decision).isInstanceOfSatisfying(Decision.Rewrite.class, rewrite -> {
            assertThat(rewrite.text())
                    .startsWith("Here is how you could approach it:")
                    .contains("**Code withheld:**", "a loop over the input", "error handling around the risky call")
                    .endsWith("Run the tests to check.")
                    .doesNotContain("time.sleep", "```");
            assertThat(rewrite.reasons()).singleElement().asString()
                    .startsWith("solution-disclosure: withheld 1 code block(s) containing 100% of the reference solution");
        });
    }

    @Test
    void withholdsACopyWithRenamedIdentifiersNewCommentsAndOtherFormatting() {
        String renamed = """
                import time
                # Keep trying until it works
                def retry(func, max_tries = 3, delay = 0.5):
                    for i in range(max_tries):   # each try
                        try:
                            return func()
                        except Exception:
                            if i == max_tries - 1:
                                raise   # give up
                            time.sleep(delay * 2 ** i)
                """;

        Decision decision = rule.evaluate(answerWithCode(renamed), GuardContexts.answerForUnsolvedExercise(REFERENCE_SOLUTION));

        assertThat(decision).isInstanceOfSatisfying(Decision.Rewrite.class,
                rewrite -> assertThat(rewrite.text()).contains("**Code withheld:**").doesNotContain("max_tries"));
    }

    @Test
    void withholdsTheSolutionSplitAcrossSeveralBlocks() {
        String answer = """
                First the loop:
                ```python
                def call_with_retry(fn, attempts=3, base_delay=1.0):
                    for attempt in range(attempts):
                        try:
                            return fn()
                ```
                then the failure path:
                ```python
                        except Exception:
                            if attempt == attempts - 1:
                                raise
                            time.sleep(base_delay * 2 ** attempt)
                ```
                """;

        Decision decision = rule.evaluate(answer, GuardContexts.answerForUnsolvedExercise(REFERENCE_SOLUTION));

        assertThat(decision).isInstanceOfSatisfying(Decision.Rewrite.class, rewrite -> assertThat(rewrite.text())
                .contains("First the loop:", "then the failure path:")
                .doesNotContain("return fn()", "time.sleep"));
    }

    @Test
    void letsAPartialSnippetThrough() {
        String answer = answerWithCode("time.sleep(base_delay * 2 ** attempt)\n");

        assertThat(rule.evaluate(answer, GuardContexts.answerForUnsolvedExercise(REFERENCE_SOLUTION))).isEqualTo(Decision.ALLOW);
    }

    @Test
    void letsUnrelatedCodeThrough() {
        String unrelated = """
                def average(values):
                    total = 0
                    for value in values:
                        total += value
                    return total / len(values) if values else 0.0
                """;

        assertThat(rule.evaluate(answerWithCode(unrelated), GuardContexts.answerForUnsolvedExercise(REFERENCE_SOLUTION)))
                .isEqualTo(Decision.ALLOW);
    }

    @Test
    void showsTheSolutionOnceTheExerciseIsSolved() {
        assertThat(rule.evaluate(answerWithCode(REFERENCE_SOLUTION), GuardContexts.answerForSolvedExercise(REFERENCE_SOLUTION)))
                .isEqualTo(Decision.ALLOW);
    }

    @Test
    void catchesASolutionPastedWithoutCodeFences() {
        Decision decision = rule.evaluate(REFERENCE_SOLUTION, GuardContexts.answerForUnsolvedExercise(REFERENCE_SOLUTION));

        assertThat(decision).isInstanceOfSatisfying(Decision.Rewrite.class,
                rewrite -> assertThat(rewrite.text()).startsWith("> **Code withheld:**"));
    }
}
