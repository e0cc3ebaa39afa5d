package io.agentcoach.identity;

import java.util.UUID;

/**
 * People's consent to optional processing. Check {@link #granted} right where the processing
 * happens; consent is off until the person gives it and may be withdrawn at any time. Every change
 * is kept as a record (purpose, granted or withdrawn, wording version, time) and audited.
 */
public interface Consents {

    /** Whether {@code userId} currently agrees to {@code purpose}; false if they never said. */
    boolean granted(UUID userId, ConsentPurpose purpose);

    /**
     * Records that {@code userId} gave ({@code granted}) or withdrew consent to the current
     * wording of {@code purpose}. Recording what already holds changes nothing.
     */
    void record(UUID userId, ConsentPurpose purpose, boolean granted);
}
