package io.agentcoach.mastery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Progress of an organization's members, for its admins and instructors. */
public interface TeamProgress {

    /** Weeks in {@link Progress#weekly}, the current one last. */
    int WEEKS = 12;

    /**
     * Every active member of the organization with their progress, and the organization's weekly
     * trend over the last {@link #WEEKS} weeks (Monday to Sunday, UTC).
     */
    Progress of(UUID organizationId);

    /**
     * @param members one entry per active member, by display name
     * @param weekly oldest week first, the current week last
     */
    record Progress(List<Member> members, List<Week> weekly) {
        public Progress {
            members = List.copyOf(members);
            weekly = List.copyOf(weekly);
        }
    }

    /**
     * One member's progress.
     *
     * @param userId the member
     * @param displayName their name
     * @param averageProficiency the mean of their current proficiencies (0-100) over the skills they
     *     have practised; 0 before any
     * @param skillsMastered skills whose mastery estimate is at least the path's mastery threshold
     * @param activitiesLast7Days answers (graded submissions, check questions) in the last 7 days
     * @param lastActiveAt their latest answer; null if none
     */
    record Member(UUID userId, String displayName, double averageProficiency, int skillsMastered,
            int activitiesLast7Days, @JsonInclude(JsonInclude.Include.ALWAYS) Instant lastActiveAt) {
    }

    /**
     * One week of the organization.
     *
     * @param weekStart its Monday
     * @param averageProficiency at the week's end, the mean over members with any estimate of their
     *     mean proficiency; 0 when nobody had one yet
     * @param activities answers given during the week
     */
    record Week(LocalDate weekStart, double averageProficiency, int activities) {
    }
}
