package io.agentcoach.mastery.tracing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads logged attempts in the sequence formats of the knowledge-tracing literature:
 * <ul>
 *   <li>4 lines per learner (as AKT's files): a header ({@code length,user}; AKT's own files hold
 *       {@code user index,user id} there) / item ids / skill ids / correctness;</li>
 *   <li>3 lines per learner (as DKT's files): {@code length} optionally followed by {@code ,user} /
 *       skill ids / correctness.</li>
 * </ul>
 * The layout is told apart by content: a file that parses completely as 4-line records is read
 * so, otherwise as 3-line records. Values are comma separated, a trailing comma is allowed,
 * blank lines are ignored, and a skill field may name several skills joined by {@code _}.
 * Consecutive rows of one learner on the same item are one multi-skill answer logged once per
 * skill (as in ASSISTments exports): they become one {@link Attempt} that counts for its rows
 * when scored. The grouping looks at the item only, never at the outcomes; should the rows of a
 * group disagree (a retry logged right after the first try), the attempt keeps each row's
 * outcome for scoring and counts with the share of right rows as its credit.
 */
public final class AttemptLogs {

    private AttemptLogs() {
    }

    /** The format of a parsed log. */
    public enum Layout { ITEMS_AND_SKILLS, SKILLS_ONLY }

    /** A parsed log. */
    public record Log(Layout layout, List<LearnerSequence> sequences, int rows) {
    }

    public static Log read(Reader source, Vocabulary items, Vocabulary skills)
            throws IOException, MalformedAttemptLogException {
        return read(source, items, skills, true);
    }

    /**
     * As {@link #read(Reader, Vocabulary, Vocabulary)}; with {@code mergeMultiSkill} false every
     * row stays its own attempt, as the published deep models score these files (there the second
     * row of a multi-skill answer is predicted after seeing the first, which reveals its outcome).
     */
    public static Log read(Reader source, Vocabulary items, Vocabulary skills, boolean mergeMultiSkill)
            throws IOException, MalformedAttemptLogException {
        List<Line> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(source)) {
            String text;
            int number = 0;
            while ((text = reader.readLine()) != null) {
                number++;
                String trimmed = text.strip();
                if (!trimmed.isEmpty()) {
                    lines.add(new Line(number, trimmed));
                }
            }
        }
        if (lines.isEmpty()) {
            throw new MalformedAttemptLogException(1, "the file holds no records");
        }
        MalformedAttemptLogException asFour;
        try {
            Vocabulary scratchItems = new Vocabulary();
            Vocabulary scratchSkills = new Vocabulary();
            parse(lines, 4, scratchItems, scratchSkills, mergeMultiSkill);
            return parse(lines, 4, items, skills, mergeMultiSkill);
        } catch (MalformedAttemptLogException e) {
            asFour = e;
        }
        try {
            return parse(lines, 3, items, skills, mergeMultiSkill);
        } catch (MalformedAttemptLogException asThree) {
            // Report against the likelier layout: the one the line count fits, else the one that read further.
            boolean fitsThree = lines.size() % 3 == 0;
            boolean fitsFour = lines.size() % 4 == 0;
            if (fitsThree != fitsFour) {
                throw fitsThree ? asThree : asFour;
            }
            throw asThree.line() >= asFour.line() ? asThree : asFour;
        }
    }

    private record Line(int number, String text) {
    }

    private static Log parse(List<Line> lines, int perRecord, Vocabulary items, Vocabulary skills, boolean merge)
            throws MalformedAttemptLogException {
        List<LearnerSequence> sequences = new ArrayList<>();
        int rows = 0;
        int at = 0;
        while (at < lines.size()) {
            Line header = lines.get(at);
            String[] head = fields(header.text());
            if (head.length < 1 || head.length > 2) {
                String shown = header.text().length() > 60 ? header.text().substring(0, 60) + "..." : header.text();
                throw new MalformedAttemptLogException(header.number(),
                        "expected a record header 'length' or 'length,user' (AKT 4-line or DKT 3-line records), found "
                                + head.length + " fields: '" + shown + "'");
            }
            String learner = head.length == 2 ? head[0] + "," + head[1] : head[0];
            if (at + perRecord > lines.size()) {
                throw new MalformedAttemptLogException(lines.getLast().number(),
                        "the record starting at line " + header.number() + " ends early: " + perRecord
                                + " lines per record expected");
            }
            Line itemLine = perRecord == 4 ? lines.get(at + 1) : null;
            Line skillLine = lines.get(at + perRecord - 2);
            Line correctLine = lines.get(at + perRecord - 1);
            int length = fields(lines.get(at + 1).text()).length;
            if (head.length == 1) {
                // A lone header field is the sequence length (DKT's files); with a user beside it,
                // some sources write a user index there instead (AKT's files), so it is not checked.
                int declared = parseLength(header, head[0]);
                if (declared != length) {
                    throw new MalformedAttemptLogException(header.number(), "the record declares " + declared
                            + " attempts but line " + lines.get(at + 1).number() + " has " + length + " values");
                }
            }
            String[] itemFields = itemLine == null ? null : values(itemLine, length, "item ids");
            String[] skillFields = values(skillLine, length, "skill ids");
            String[] correctFields = values(correctLine, length, "correctness values");
            List<Attempt> attempts = new ArrayList<>();
            List<int[]> counts = new ArrayList<>(); // per attempt: rows, correct rows
            for (int i = 0; i < length; i++) {
                boolean correct = switch (correctFields[i]) {
                    case "1", "1.0" -> true;
                    case "0", "0.0" -> false;
                    default -> throw new MalformedAttemptLogException(correctLine.number(),
                            "correctness value " + (i + 1) + " is '" + correctFields[i] + "', expected 0 or 1");
                };
                int item = Attempt.NO_ITEM;
                if (itemFields != null) {
                    item = items.id(token(itemLine, itemFields[i], i, "item id"));
                }
                int[] attemptSkills = skillIds(skillLine, skillFields[i], i, skills);
                Attempt previous = attempts.isEmpty() ? null : attempts.getLast();
                // Grouped by item alone, never by outcome, so that grouping cannot reveal an answer.
                if (merge && previous != null && item != Attempt.NO_ITEM && previous.item() == item) {
                    int[] count = counts.getLast();
                    count[0]++;
                    count[1] += correct ? 1 : 0;
                    double credit = (double) count[1] / count[0];
                    attempts.set(attempts.size() - 1,
                            new Attempt(item, union(previous.skills(), attemptSkills), credit >= 0.5, credit));
                } else {
                    attempts.add(new Attempt(item, attemptSkills, correct));
                    counts.add(new int[] {1, correct ? 1 : 0});
                }
            }
            rows += length;
            sequences.add(new LearnerSequence(learner, attempts, counts.stream().mapToInt(c -> c[0]).toArray(),
                    counts.stream().mapToInt(c -> c[1]).toArray()));
            at += perRecord;
        }
        return new Log(perRecord == 4 ? Layout.ITEMS_AND_SKILLS : Layout.SKILLS_ONLY, sequences, rows);
    }

    private static int parseLength(Line header, String text) throws MalformedAttemptLogException {
        try {
            int length = Integer.parseInt(text);
            if (length < 1) {
                throw new MalformedAttemptLogException(header.number(), "sequence length " + length + " is below 1");
            }
            return length;
        } catch (NumberFormatException e) {
            throw new MalformedAttemptLogException(header.number(), "sequence length '" + text + "' is not a number");
        }
    }

    private static String[] fields(String text) {
        String body = text.endsWith(",") ? text.substring(0, text.length() - 1) : text;
        String[] parts = body.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            parts[i] = parts[i].strip();
        }
        return parts;
    }

    private static String[] values(Line line, int length, String what) throws MalformedAttemptLogException {
        String[] parts = fields(line.text());
        if (parts.length != length) {
            throw new MalformedAttemptLogException(line.number(),
                    "expected " + length + " " + what + " (as many as the record's first line of values), found " + parts.length);
        }
        return parts;
    }

    private static String token(Line line, String value, int index, String what) throws MalformedAttemptLogException {
        if (value.isEmpty()) {
            throw new MalformedAttemptLogException(line.number(), what + " " + (index + 1) + " is empty");
        }
        return value;
    }

    private static int[] skillIds(Line line, String value, int index, Vocabulary skills)
            throws MalformedAttemptLogException {
        String[] names = token(line, value, index, "skill id").split("_");
        int[] ids = new int[names.length];
        for (int k = 0; k < names.length; k++) {
            ids[k] = skills.id(token(line, names[k].strip(), index, "skill id"));
        }
        return ids;
    }

    private static int[] union(int[] a, int[] b) {
        int[] result = java.util.Arrays.copyOf(a, a.length + b.length);
        int size = a.length;
        for (int candidate : b) {
            boolean present = false;
            for (int k = 0; k < size; k++) {
                present |= result[k] == candidate;
            }
            if (!present) {
                result[size++] = candidate;
            }
        }
        return java.util.Arrays.copyOf(result, size);
    }
}
