package io.agentcoach.coaching;

import java.util.UUID;

/** Model budgets and what remains of them. */
public interface Allowances {

    /** What remains for {@code userId} in {@code organizationId} right now. */
    Allowance of(UUID organizationId, UUID userId);
}
