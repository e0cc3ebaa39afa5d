package io.agentcoach.identity;

/** The scopes that gate the API; an API key or token carries a subset of them. */
public final class Scopes {

    public static final String COACH_CHAT = "coach:chat";
    public static final String PRACTICE_SUBMIT = "practice:submit";
    public static final String CONTENT_READ = "content:read";
    public static final String CONTENT_WRITE = "content:write";
    public static final String ORG_ADMIN = "org:admin";
    public static final String ANALYTICS_READ = "analytics:read";
    public static final String PROFILE = "profile";

    private Scopes() {
    }
}
