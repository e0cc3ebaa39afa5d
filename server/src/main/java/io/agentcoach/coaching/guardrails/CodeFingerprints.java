package io.agentcoach.coaching.guardrails;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Winnowing fingerprints of code (Schleimer, Wilkerson and Aiken, 2003), insensitive to comments,
 * whitespace, literal values and identifier renames: every identifier that is not a keyword becomes
 * the same token, so {@code total += price} and {@code s += p} fingerprint alike.
 */
final class CodeFingerprints {

    static final Set<String> KEYWORDS = Set.of(
            "def", "class", "return", "if", "elif", "else", "for", "while", "in", "not", "and", "or", "is", "none",
            "true", "false", "import", "from", "as", "with", "try", "except", "finally", "raise", "lambda", "yield",
            "pass", "break", "continue", "global", "nonlocal", "assert", "async", "await", "public", "private",
            "protected", "static", "final", "void", "int", "long", "double", "float", "boolean", "char", "new",
            "this", "self", "super", "extends", "implements", "interface", "enum", "throws", "throw", "catch",
            "switch", "case", "default", "var", "let", "const", "function", "typeof", "instanceof", "null",
            "undefined", "do", "of", "func", "go", "defer", "chan", "struct", "type", "record");

    private CodeFingerprints() {
    }

    private static final Set<String> TWO_CHAR_OPERATORS = Set.of("==", "!=", "<=", ">=", "->", "=>", "+=", "-=", "*=",
            "/=", "&&", "||", "::", "**");

    /** The normalised token stream: keywords and operators as written, identifiers V, numbers N, strings S. */
    static List<String> tokens(String code) {
        List<String> tokens = new ArrayList<>(code.length() / 3);
        int length = code.length();
        int i = 0;
        while (i < length) {
            char c = code.charAt(i);
            char next = i + 1 < length ? code.charAt(i + 1) : '\0';
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#' || (c == '/' && next == '/')) {
                int newline = code.indexOf('\n', i);
                i = newline < 0 ? length : newline;
            } else if (c == '/' && next == '*') {
                int end = code.indexOf("*/", i + 2);
                i = end < 0 ? length : end + 2;
            } else if ((c == '"' || c == '\'') && code.startsWith(String.valueOf(c).repeat(3), i)) {
                int end = code.indexOf(String.valueOf(c).repeat(3), i + 3);
                i = end < 0 ? length : end + 3;
                tokens.add("S");
            } else if (c == '"' || c == '\'' || c == '`') {
                int end = stringEnd(code, i, c);
                if (end < 0) {
                    tokens.add(String.valueOf(c));
                    i++;
                } else {
                    tokens.add("S");
                    i = end + 1;
                }
            } else if (c >= '0' && c <= '9') {
                i = wordEnd(code, i + 1, true);
                tokens.add("N");
            } else if (isWordStart(c)) {
                int end = wordEnd(code, i + 1, false);
                String word = code.substring(i, end).toLowerCase(Locale.ROOT);
                tokens.add(KEYWORDS.contains(word) ? word : "V");
                i = end;
            } else if (next != '\0' && TWO_CHAR_OPERATORS.contains(code.substring(i, i + 2))) {
                tokens.add(code.substring(i, i + 2));
                i += 2;
            } else {
                tokens.add(String.valueOf(c));
                i++;
            }
        }
        return tokens;
    }

    /** The index of the closing quote of a string starting at {@code start}, or -1 (backtick strings may span lines). */
    private static int stringEnd(String code, int start, char quote) {
        for (int j = start + 1; j < code.length(); j++) {
            char c = code.charAt(j);
            if (c == '\\' && quote != '`') {
                j++;
            } else if (c == quote) {
                return j;
            } else if (c == '\n' && quote != '`') {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isWordStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
    }

    private static int wordEnd(String code, int from, boolean number) {
        int j = from;
        while (j < code.length()) {
            char c = code.charAt(j);
            if (isWordStart(c) || (c >= '0' && c <= '9') || (number && c == '.')) {
                j++;
            } else {
                break;
            }
        }
        return j;
    }

    /** Hashes of every k-gram of the tokens (all of them: used on the side being searched). */
    static long[] kgramHashes(List<String> tokens, int k) {
        if (tokens.size() < k) {
            return new long[0];
        }
        long[] hashes = new long[tokens.size() - k + 1];
        for (int i = 0; i < hashes.length; i++) {
            long hash = 1125899906842597L;
            for (int j = i; j < i + k; j++) {
                hash = 31 * hash + tokens.get(j).hashCode();
            }
            hashes[i] = hash;
        }
        return hashes;
    }

    /** The winnowed fingerprints: the rightmost minimum hash of every window of w k-grams. */
    static Set<Long> winnow(long[] hashes, int window) {
        Set<Long> fingerprints = new HashSet<>();
        if (hashes.length == 0) {
            return fingerprints;
        }
        int w = Math.min(window, hashes.length);
        for (int start = 0; start + w <= hashes.length; start++) {
            int min = start;
            for (int i = start; i < start + w; i++) {
                if (hashes[i] <= hashes[min]) {
                    min = i;
                }
            }
            fingerprints.add(hashes[min]);
        }
        return fingerprints;
    }

    static Set<Long> asSet(long[] hashes) {
        Set<Long> set = new HashSet<>(hashes.length * 2);
        for (long hash : hashes) {
            set.add(hash);
        }
        return set;
    }
}
