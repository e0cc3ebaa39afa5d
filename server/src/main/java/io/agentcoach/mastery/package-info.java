/**
 * Placement, knowledge tracing, learning paths and predictions; listens to graded submissions. Depends on platform, identity, content and practice events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mastery", allowedDependencies = {"platform", "identity", "content", "practice"})
package io.agentcoach.mastery;
