/**
 * Coaching sessions, the model gateway, agents and tools, guardrails and streaming answers. Depends on platform, identity, content, knowledge, practice, sandbox and mastery.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Coaching", allowedDependencies = {"platform", "identity", "content", "knowledge", "practice", "sandbox", "mastery"})
package io.agentcoach.coaching;
