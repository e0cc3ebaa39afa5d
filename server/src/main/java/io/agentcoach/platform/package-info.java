/**
 * Shared infrastructure every module may use: problem details (RFC 9457), typed settings, request limits, start-up timing and observability. Depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package io.agentcoach.platform;
