package io.agentcoach.coaching.guardrails;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Winnowing fingerprints of code (Schleimer, Wilkerson and Aiken, 2003), insensitive to comments,
 * whitespace, literal values and identifier renames: every identifier that is not a keyword becomes
 * the same token, so {@code total += price} and {@code s += p} fingerprint alike.
 */
final class CodeFingerprints {

    private static final Pattern TOKEN = Pattern.compile(
            "(?<skip>\\s+|//[^\\n]*|/\\*[\\s\\S]*?\\*/|#[^\\n]*)"
                    + "|(?<string>\"\"\"[\\s\\S]*?\"\"\"|'''[\\s\\S]*?'''|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])*'|`[^`]*`)"
                    + "|(?<number>\\d[\\w.]*)"
                    + "|(?<word>[A-Za-z_$][\\w$]*)"
                    + "|(?<op>==|!=|<=|>=|->|=>|\\+=|-=|\\*=|/=|&&|\\|\\||::|\\*\\*|//|.)");

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

    /** The normalised token stream: keywords and operators as written, identifiers V, numbers N, strings S. */
    static List<String> tokens(String code) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(code);
        while (matcher.find()) {
            if (matcher.group("skip") != null) {
                continue;
            }
            if (matcher.group("string") != null) {
                tokens.add("S");
            } else if (matcher.group("number") != null) {
                tokens.add("N");
            } else if (matcher.group("word") != null) {
                String word = matcher.group("word").toLowerCase(java.util.Locale.ROOT);
                tokens.add(KEYWORDS.contains(word) ? word : "V");
            } else {
                tokens.add(matcher.group("op"));
            }
        }
        return tokens;
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
