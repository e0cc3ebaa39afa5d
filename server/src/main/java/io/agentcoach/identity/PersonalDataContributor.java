package io.agentcoach.identity;

/**
 * A module's part of a person's data, for the privacy requests identity serves: every module that
 * stores data about people implements this once, in one of its internal packages, and identity
 * calls each implementation when a person downloads their data ({@code GET /api/me/export}) or
 * deletes their account ({@code DELETE /api/me}).
 *
 * <p>Both calls run bound to all tenants (the person may belong to several organizations), so an
 * implementation must select and change only rows of {@link PersonalDataExport#userId()} or
 * {@link AccountErasure#userId()}, or rows of the organizations the erasure deletes.
 */
public interface PersonalDataContributor {

    /** The member of {@code modules} in the export this part is written to, such as {@code practice}. */
    String module();

    /**
     * Writes everything this module holds about the person as members of the module's JSON object
     * (use {@link PersonalDataExport#rows} for tables, so large exports stream). Runs in a
     * read-only transaction shared by all modules, so the parts are one consistent snapshot.
     */
    void export(PersonalDataExport export);

    /**
     * Deletes the person's rows, or anonymizes those the organization must keep (say, spend that
     * counts against its budget), and every row of the organizations in
     * {@link AccountErasure#deletedOrganizationIds()}. Runs in the account deletion's transaction
     * shared by all modules, so a failure anywhere leaves everything as it was.
     */
    void erase(AccountErasure erasure);
}
