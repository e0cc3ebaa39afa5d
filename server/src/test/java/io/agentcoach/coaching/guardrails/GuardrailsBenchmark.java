package io.agentcoach.coaching.guardrails;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.agentcoach.coaching.guardrails.GuardContext.ExerciseContext;
import io.agentcoach.coaching.guardrails.GuardContext.Source;

/**
 * Latency the guardrails add per coaching message: one full input check (the learner's message
 * plus three 1 KB retrieved passages) and one full output check (an answer of the same size as the
 * message, for an unsolved exercise with a reference solution, to an external provider so that
 * redaction and re-personalisation run). The same-run baseline copies the same strings and walks
 * their characters once, without regular expressions: the floor of touching the text at all.
 * Run by bench/guardrails; not a test.
 */
public final class GuardrailsBenchmark {

    private static final String PROSE = "My planner agent calls the search tool in a loop and never stops; the retry "
            + "wrapper seems to swallow the exception. I followed the lesson on backoff and set three attempts. "
            + "Reach me at ana.learner@example.org if the course team needs logs. ";
    private static final String CODE = """
            ```python
            def plan(goal, tools, max_steps=8):
                steps = []
                for step in range(max_steps):
                    action = choose_action(goal, steps, tools)
                    if action is None:
                        break
                    steps.append(run_tool(action))
                return steps
            ```
            """;
    private static final String PASSAGE = ("Retries with exponential backoff wait 1 s, 2 s, 4 s between attempts and "
            + "stop after a fixed number of tries; add jitter so that many clients do not retry in lock-step. A tool "
            + "call that keeps failing should surface its error to the agent instead of being retried forever. ")
            .repeat(4).substring(0, 1024);

    private GuardrailsBenchmark() {
    }

    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        Guardrails guardrails = new Guardrails(GuardrailSettings.defaults());
        System.out.println("| message | guardrails p50 | guardrails p95 | baseline p50 | baseline p95 | p50 ratio |");
        System.out.println("|---|---|---|---|---|---|");
        for (int size : new int[] {1024, 10 * 1024}) {
            String message = sized(size);
            String answer = "Look at where the loop ends.\n" + sized(size - 30);
            List<String> passages = List.of(PASSAGE, PASSAGE, PASSAGE);
            Runnable guarded = () -> {
                GuardContext context = new GuardContext(Source.LEARNER_MESSAGE, true, true,
                        new ExerciseContext("retry-with-backoff", false, SolutionDisclosureRuleTests.REFERENCE_SOLUTION),
                        false, GuardContexts.SYSTEM_PROMPT, new Redactions());
                Guardrails.InputCheck input = guardrails.checkInput(message, passages, null, context);
                if (!(input instanceof Guardrails.InputCheck.Proceed)) {
                    throw new IllegalStateException("benchmark input was refused: " + input);
                }
                sink(guardrails.checkOutput(answer, context).answer().length());
            };
            Runnable baseline = () -> {
                long sum = walk(new String(message.toCharArray()));
                for (String passage : passages) {
                    sum += walk(new String(passage.toCharArray()));
                }
                sink(sum + walk(new String(answer.toCharArray())));
            };
            long[] guardedNanos = measure(guarded, iterations);
            long[] baselineNanos = measure(baseline, iterations);
            System.out.printf(Locale.ROOT, "| %d KB | %s | %s | %s | %s | %.0f× |%n", size / 1024,
                    micros(percentile(guardedNanos, 50)), micros(percentile(guardedNanos, 95)),
                    micros(percentile(baselineNanos, 50)), micros(percentile(baselineNanos, 95)),
                    (double) percentile(guardedNanos, 50) / Math.max(1, percentile(baselineNanos, 50)));
        }
        perRule(guardrails, iterations / 2);
    }

    /** Median time of each rule on its own, on the 10 KB message (the answer rules on the answer): where the time goes. */
    private static void perRule(Guardrails guardrails, int iterations) {
        String message = sized(10 * 1024);
        String answer = "Look at where the loop ends.\n" + sized(10 * 1024 - 30);
        GuardContext context = new GuardContext(Source.LEARNER_MESSAGE, true, true,
                new ExerciseContext("retry-with-backoff", false, SolutionDisclosureRuleTests.REFERENCE_SOLUTION),
                false, GuardContexts.SYSTEM_PROMPT, new Redactions());
        System.out.println();
        System.out.println("| rule (10 KB) | p50 |");
        System.out.println("|---|---|");
        List<GuardrailRule> inputRules = guardrails.messagePipeline().rules();
        for (GuardrailPipeline pipeline : List.of(guardrails.messagePipeline(), guardrails.answerPipeline())) {
            String text = pipeline == guardrails.answerPipeline() ? answer : message;
            for (GuardrailRule rule : pipeline.rules()) {
                GuardContext ruleContext = inputRules.contains(rule) ? context : context.withSource(Source.MODEL_ANSWER);
                long[] nanos = measure(() -> sink(rule.evaluate(text, ruleContext).hashCode()), iterations);
                System.out.printf(Locale.ROOT, "| %s | %s |%n", rule.name(), micros(percentile(nanos, 50)));
            }
        }
    }

    /** Prose, a code block and an email address, repeated to the size. */
    private static String sized(int size) {
        StringBuilder text = new StringBuilder(size + PROSE.length());
        while (text.length() < size) {
            text.append(PROSE).append(CODE);
        }
        text.setLength(size);
        return text.toString();
    }

    private static long walk(String text) {
        long sum = 0;
        for (int i = 0; i < text.length(); i++) {
            sum += text.charAt(i);
        }
        return sum;
    }

    private static long[] measure(Runnable task, int iterations) {
        for (int i = 0; i < Math.max(1000, iterations / 2); i++) {
            task.run();
        }
        List<Long> samples = new ArrayList<>(iterations);
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            task.run();
            samples.add(System.nanoTime() - start);
        }
        long[] sorted = samples.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    private static long percentile(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }

    private static String micros(long nanos) {
        return nanos >= 1_000_000 ? String.format(Locale.ROOT, "%.2f ms", nanos / 1e6)
                : String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
    }

    private static volatile long blackhole;

    private static void sink(long value) {
        blackhole += value;
    }
}
