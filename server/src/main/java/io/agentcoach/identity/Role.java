package io.agentcoach.identity;

/** What a person may do within an organization; {@link #PLATFORM_ADMIN} spans all of them. */
public enum Role {
    LEARNER, INSTRUCTOR, ORG_ADMIN, PLATFORM_ADMIN
}
