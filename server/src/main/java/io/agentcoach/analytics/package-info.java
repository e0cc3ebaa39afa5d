/**
 * Learning events, rollups, dashboards and A/B experiments, fed by other modules' events. Depends on platform, identity and the events of practice, mastery and coaching.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Analytics", allowedDependencies = {"platform", "identity", "practice", "mastery", "coaching"})
package io.agentcoach.analytics;
