package io.agentcoach.mastery.tracing;

/** A fitted knowledge-tracing model; immutable and safe to share between threads. */
public interface TracingModel {

    String name();

    /** The state of a learner who has not attempted anything yet. */
    LearnerKnowledge newLearner();
}
