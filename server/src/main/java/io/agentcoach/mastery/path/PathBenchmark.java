package io.agentcoach.mastery.path;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.agentcoach.mastery.Curriculum;
import io.agentcoach.mastery.tracing.Attempt;
import io.agentcoach.mastery.tracing.LearnerKnowledge;
import io.agentcoach.mastery.tracing.LearnerSequence;
import io.agentcoach.mastery.tracing.LogisticKnowledgeTracing;
import io.agentcoach.mastery.tracing.TracingModel;

/**
 * {@code bench/path-plan}: the in-process cost of planning a learning path (predicting every
 * activity with the logistic model, then planning) over a synthetic curriculum of 100 skills in
 * a layered graph and 500 activities, for 100 learners planning concurrently. No HTTP and no
 * database: it measures the engine, not the request. Baseline in the same run: one pass over the
 * activities without predicting or planning. Last line: one JSON object.
 */
public final class PathBenchmark {

    private PathBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int learners = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        Random random = new Random(1);
        List<Curriculum.Skill> skills = new ArrayList<>();
        for (int s = 0; s < 100; s++) {
            List<String> prerequisites = s < 10 ? List.of()
                    : List.of("s" + random.nextInt(s - s % 10), "s" + random.nextInt(s - s % 10));
            skills.add(new Curriculum.Skill("s" + s, "Skill " + s, prerequisites.stream().distinct().toList()));
        }
        List<Curriculum.Activity> activities = new ArrayList<>();
        for (int a = 0; a < 500; a++) {
            activities.add(new Curriculum.Activity("a" + a, "Activity " + a, "exercise", List.of("s" + a % 100), 15));
        }
        Curriculum curriculum = new Curriculum() {
            public List<Curriculum.Skill> skills() {
                return skills;
            }

            public List<Curriculum.Activity> activities() {
                return activities;
            }
        };
        TracingModel model = new LogisticKnowledgeTracing().fit(history(random, 300), 500, 100);
        PathPlanner planner = new PathPlanner(curriculum);
        Instant now = Instant.now();
        List<LearnerKnowledge> states = new ArrayList<>();
        List<Map<String, PathPlanner.SkillEstimate>> estimates = new ArrayList<>();
        for (LearnerSequence sequence : history(random, learners)) {
            LearnerKnowledge knowledge = model.newLearner();
            sequence.attempts().forEach(knowledge::observe);
            states.add(knowledge);
            Map<String, PathPlanner.SkillEstimate> byId = new HashMap<>();
            for (int s = 0; s < 100; s++) {
                if (random.nextDouble() < 0.3) {
                    byId.put("s" + s, new PathPlanner.SkillEstimate(knowledge.mastery(s), 3, now.minusSeconds(86400L * random.nextInt(20))));
                }
            }
            estimates.add(byId);
        }
        double[] plan = run(learners, rounds, i -> {
            LearnerKnowledge knowledge = states.get(i);
            Map<String, Double> predicted = new HashMap<>();
            for (Curriculum.Activity activity : activities) {
                int item = Integer.parseInt(activity.id().substring(1));
                predicted.put(activity.id(), knowledge.predict(item, new int[] {item % 100}));
            }
            planner.plan(estimates.get(i), Set.of(), act -> predicted.get(act.id()), "s99", now, 5);
        });
        double[] baseline = run(learners, rounds, i -> {
            Map<String, Double> touched = new HashMap<>();
            for (Curriculum.Activity activity : activities) {
                touched.put(activity.id(), (double) activity.minutes());
            }
        });
        System.out.printf(Locale.ROOT, "plan:     p50 %.3f ms  p95 %.3f ms  (%d learners concurrently, %d rounds)%n",
                plan[0], plan[1], learners, rounds);
        System.out.printf(Locale.ROOT, "baseline: p50 %.3f ms  p95 %.3f ms  (one pass over the activities)%n",
                baseline[0], baseline[1]);
        System.out.printf(Locale.ROOT, "{\"plan_p50_ms\":%.3f,\"plan_p95_ms\":%.3f,\"baseline_p95_ms\":%.3f,"
                + "\"learners\":%d,\"activities\":500,\"skills\":100}%n", plan[0], plan[1], baseline[1], learners);
    }

    private interface Task {
        void run(int learner);
    }

    /** Runs the task for every learner at once, {@code rounds} times; returns p50 and p95 in ms. */
    private static double[] run(int learners, int rounds, Task task) throws Exception {
        List<Double> times = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(learners)) {
            for (int round = 0; round < rounds; round++) {
                List<Future<Double>> futures = new ArrayList<>();
                for (int i = 0; i < learners; i++) {
                    int learner = i;
                    futures.add(pool.submit(() -> {
                        long start = System.nanoTime();
                        task.run(learner);
                        return (System.nanoTime() - start) / 1e6;
                    }));
                }
                for (Future<Double> f : futures) {
                    double t = f.get();
                    if (round >= rounds / 4) { // the first quarter warms up
                        times.add(t);
                    }
                }
            }
        }
        double[] sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new double[] {sorted[sorted.length / 2], sorted[(int) Math.ceil(sorted.length * 0.95) - 1]};
    }

    private static List<LearnerSequence> history(Random random, int learners) {
        List<LearnerSequence> sequences = new ArrayList<>();
        for (int l = 0; l < learners; l++) {
            List<Attempt> attempts = new ArrayList<>();
            for (int a = 0; a < 60; a++) {
                int item = random.nextInt(500);
                attempts.add(new Attempt(item, new int[] {item % 100}, random.nextDouble() < 0.65));
            }
            sequences.add(LearnerSequence.of("l" + l, attempts));
        }
        return sequences;
    }
}
