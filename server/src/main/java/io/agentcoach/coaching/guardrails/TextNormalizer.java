package io.agentcoach.coaching.guardrails;

import java.text.Normalizer;

/**
 * Folds text to the form attackers try to escape from: NFKC (full-width and styled letters become
 * ASCII), invisible characters removed, common Cyrillic and Greek look-alikes mapped to Latin,
 * lower case and single spaces (line breaks are kept, since role tags are recognised at line starts).
 */
final class TextNormalizer {

    private static final String CONFUSABLES_FROM = "аеорсухіјѕԁһӏԛԝвкмнтАВЕКМНОРСТХІЈЅαβεικνορτυχΑΒΕΖΗΙΚΜΝΟΡΤΥΧ";
    private static final String CONFUSABLES_TO = "aeopcyxijsdhlqwbkmhtabekmhopctxijsabeiknoptyxabezhikmnoptyx";

    private TextNormalizer() {
    }

    /** True for zero-width, bidi-control, soft-hyphen and Unicode tag characters. */
    static boolean isInvisible(int codePoint) {
        return (codePoint >= 0x200B && codePoint <= 0x200F)
                || (codePoint >= 0x202A && codePoint <= 0x202E)
                || (codePoint >= 0x2060 && codePoint <= 0x2064)
                || (codePoint >= 0x2066 && codePoint <= 0x2069)
                || codePoint == 0xFEFF || codePoint == 0x00AD || codePoint == 0x180E
                || (codePoint >= 0xE0000 && codePoint <= 0xE007F);
    }

    /** Counts invisible characters (a sign of smuggled text when it co-occurs with instructions). */
    static int countInvisible(String text) {
        return (int) text.codePoints().filter(TextNormalizer::isInvisible).count();
    }

    /** Counts letters that are Latin look-alikes from other scripts. */
    static int countConfusables(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (CONFUSABLES_FROM.indexOf(text.charAt(i)) >= 0) {
                count++;
            }
        }
        return count;
    }

    /** The folded form described in the class comment. */
    static String fold(String text) {
        String nfkc = isAscii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        boolean lastSpace = false;
        for (int i = 0; i < nfkc.length(); ) {
            int cp = nfkc.codePointAt(i);
            i += Character.charCount(cp);
            if (isInvisible(cp)) {
                continue;
            }
            if (cp == '\n') {
                if (lastSpace && !out.isEmpty() && out.charAt(out.length() - 1) == ' ') {
                    out.setLength(out.length() - 1);
                }
                out.append('\n');
                lastSpace = true;
                continue;
            }
            if (Character.isWhitespace(cp)) {
                if (!lastSpace) {
                    out.append(' ');
                }
                lastSpace = true;
                continue;
            }
            lastSpace = false;
            if (cp < 0x80) {
                out.append((char) (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
                continue;
            }
            int mapped = cp < 0x10000 ? CONFUSABLES_FROM.indexOf((char) cp) : -1;
            out.appendCodePoint(mapped >= 0 ? CONFUSABLES_TO.charAt(mapped) : Character.toLowerCase(cp));
        }
        return out.toString();
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
