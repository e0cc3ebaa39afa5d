/**
 * The curriculum: tracks, lessons, exercises and the skill graph, loaded and validated from content/, plus exercises private to one organization. Depends on platform and identity.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Content", allowedDependencies = {"platform", "identity"})
package io.agentcoach.content;
