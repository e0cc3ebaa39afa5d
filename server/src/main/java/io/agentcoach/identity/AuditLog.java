package io.agentcoach.identity;

import java.util.UUID;

/**
 * The security audit trail. Other modules record their own security-relevant actions (exports,
 * deletions, admin actions) here; the caller's IP address and user agent are taken from the
 * current request.
 */
public interface AuditLog {

    /**
     * Appends an event.
     *
     * @param organizationId the organization it concerns, or null for none
     * @param actorId who did it, or null when unknown (a failed login for an unknown email)
     * @param action a dotted name such as {@code api_key.created}
     * @param target what it was done to (an id), or null
     * @param details a short free text, or null; never secrets or passwords
     */
    void record(UUID organizationId, UUID actorId, String action, String target, String details);
}
