/**
 * The curriculum: tracks, lessons, exercises and the skill graph, loaded and validated from content/. Depends on platform.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Content", allowedDependencies = "platform")
package io.agentcoach.content;
