/**
 * Runs untrusted learner code under bubblewrap with cgroup and rlimit limits, through a bounded per-node queue. Depends on platform.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sandbox", allowedDependencies = "platform")
package io.agentcoach.sandbox;
