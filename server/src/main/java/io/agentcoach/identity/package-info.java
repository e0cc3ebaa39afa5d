/**
 * Users, organizations, memberships and roles; authentication (OAuth2/JWT, API keys, MFA), audit and privacy requests. Depends on platform.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = "platform")
package io.agentcoach.identity;
