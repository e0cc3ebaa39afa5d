package io.agentcoach.mastery.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;

import org.junit.jupiter.api.Test;

class AttemptLogsTests {

    private final Vocabulary items = new Vocabulary();
    private final Vocabulary skills = new Vocabulary();

    private AttemptLogs.Log read(String text) throws Exception {
        return AttemptLogs.read(new StringReader(text), items, skills);
    }

    @Test
    void readsFourLineRecordsWithItemsAndMergesAnAnswerLoggedOncePerSkill() throws Exception {
        AttemptLogs.Log log = read("""
                4,17
                100,100,101,102
                7,9,7,7
                1,1,0,1
                2,18
                101,103
                7,8
                0,0
                """);
        assertThat(log.layout()).isEqualTo(AttemptLogs.Layout.ITEMS_AND_SKILLS);
        assertThat(log.rows()).isEqualTo(6);
        LearnerSequence first = log.sequences().getFirst();
        assertThat(first.attempts()).hasSize(3);
        assertThat(first.rows()).containsExactly(2, 1, 1);
        Attempt merged = first.attempts().getFirst();
        assertThat(items.name(merged.item())).isEqualTo("100");
        assertThat(merged.skills()).hasSize(2);
        assertThat(merged.correct()).isTrue();
        assertThat(log.sequences().get(1).attempts().getFirst().item()).isEqualTo(items.find("101"));
    }

    @Test
    void groupsRowsOfOneItemByTheItemAloneAndKeepsEachRowsOutcome() throws Exception {
        String text = "3,5\n200,200,201\n1,2,1\n0,1,1\n";
        LearnerSequence sequence = read(text).sequences().getFirst();
        assertThat(sequence.attempts()).hasSize(2);
        assertThat(sequence.rows()).containsExactly(2, 1);
        assertThat(sequence.correctRows()).containsExactly(1, 1);
        Attempt mixed = sequence.attempts().getFirst();
        assertThat(mixed.credit()).isEqualTo(0.5);
        assertThat(mixed.skills()).hasSize(2);
        // unmerged, as the published deep models score rows: one attempt per row
        AttemptLogs.Log rows = AttemptLogs.read(new StringReader(text), items, skills, false);
        assertThat(rows.sequences().getFirst().attempts()).hasSize(3);
    }

    @Test
    void readsThreeLineRecordsWithTrailingCommasAndJoinedSkills() throws Exception {
        AttemptLogs.Log log = read("""
                3
                5,6_7,5,
                0,1,1,

                1,u2
                6,
                1,
                """);
        assertThat(log.layout()).isEqualTo(AttemptLogs.Layout.SKILLS_ONLY);
        assertThat(log.sequences()).hasSize(2);
        Attempt joined = log.sequences().getFirst().attempts().get(1);
        assertThat(joined.item()).isEqualTo(Attempt.NO_ITEM);
        assertThat(joined.skills()).containsExactly(skills.find("6"), skills.find("7"));
        assertThat(log.sequences().get(1).learner()).isEqualTo("1,u2");
    }

    @Test
    void namesTheLineAndReasonOfABadCorrectnessValue() {
        assertThatThrownBy(() -> read("""
                2
                5,6
                0,1
                2
                5,6
                1,x
                """)).isInstanceOf(MalformedAttemptLogException.class)
                .hasMessage("line 6: correctness value 2 is 'x', expected 0 or 1");
    }

    @Test
    void namesTheLineWhereAValueIsMissing() {
        assertThatThrownBy(() -> read("""
                3,1
                10,11,12
                1,2,3
                1,0
                """)).isInstanceOf(MalformedAttemptLogException.class)
                .hasMessageStartingWith("line 4: expected 3 correctness values");
    }

    @Test
    void rejectsADeclaredLengthThatDoesNotMatch() {
        assertThatThrownBy(() -> read("""
                3
                5,6
                0,1
                """)).isInstanceOf(MalformedAttemptLogException.class)
                .hasMessageContaining("line 1: the record declares 3 attempts");
    }

    @Test
    void rejectsAnEmptyFile() {
        assertThatThrownBy(() -> read("\n\n")).isInstanceOf(MalformedAttemptLogException.class)
                .hasMessage("line 1: the file holds no records");
    }
}
