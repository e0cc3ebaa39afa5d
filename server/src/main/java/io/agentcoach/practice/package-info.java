/**
 * Attempts, drafts, submissions and their asynchronous grading in the sandbox; progress per exercise, lesson and track. Depends on platform, identity, content and sandbox.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Practice", allowedDependencies = {"platform", "identity", "content", "sandbox"})
package io.agentcoach.practice;
