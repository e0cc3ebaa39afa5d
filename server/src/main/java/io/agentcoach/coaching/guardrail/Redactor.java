package io.agentcoach.coaching.guardrail;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes personal data and secrets (emails, API keys, tokens, private keys) from text before it
 * leaves for a model provider. Each finding is replaced by a label saying what was removed.
 */
public final class Redactor {

    private record Rule(Pattern pattern, String label, boolean keepName) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?-----END [A-Z ]*PRIVATE KEY-----"),
                    "[redacted private key]", false),
            new Rule(Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"),
                    "[redacted token]", false),
            new Rule(Pattern.compile("\\bsk-(?:ant-|proj-)?[A-Za-z0-9_-]{16,}"), "[redacted API key]", false),
            new Rule(Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"), "[redacted API key]", false),
            new Rule(Pattern.compile("\\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,})"),
                    "[redacted token]", false),
            new Rule(Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}"), "[redacted token]", false),
            new Rule(Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}\\b"), "[redacted API key]", false),
            new Rule(Pattern.compile("(?i)\\b(bearer)\\s+[A-Za-z0-9._~+/=-]{12,}"), "[redacted token]", true),
            new Rule(Pattern.compile("(?i)\\b((?:api[_-]?key|secret|password|passwd|access[_-]?token|auth[_-]?token)"
                    + "[\"']?\\s*[:=]\\s*)[\"']?[^\\s\"',;]{6,}[\"']?"), "[redacted secret]", true),
            new Rule(Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}"),
                    "[redacted email]", false));

    private Redactor() {
    }

    public static String redact(String text) {
        String result = text;
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(result);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String replacement = rule.keepName() ? m.group(1) + (m.group(1).endsWith(" ") ? "" : " ") + rule.label()
                        : rule.label();
                m.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(out);
            result = out.toString();
        }
        return result;
    }
}
