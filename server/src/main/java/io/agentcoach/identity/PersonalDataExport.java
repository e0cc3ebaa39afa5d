package io.agentcoach.identity;

import java.util.UUID;

import tools.jackson.core.JsonGenerator;

/**
 * Where a {@link PersonalDataContributor} writes its part of a person's data export: inside the
 * module's JSON object, one member after another.
 */
public interface PersonalDataExport {

    /** The person whose data is exported. */
    UUID userId();

    /**
     * Writes the member {@code name}: an array with one object per row of {@code sql}, the columns
     * as members named in camel case ({@code started_at} becomes {@code startedAt}). Rows are
     * fetched and written a batch at a time, never all at once. Timestamps are written in ISO 8601,
     * UUIDs as strings.
     */
    void rows(String name, String sql, Object... params);

    /** The generator, positioned inside the module's object, for anything {@link #rows} does not fit. */
    JsonGenerator json();
}
