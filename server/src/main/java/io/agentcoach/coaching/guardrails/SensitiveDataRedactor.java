package io.agentcoach.coaching.guardrails;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data and secrets and replaces each with a typed placeholder from a
 * {@link Redactions} mapping. Detectors run in priority order; a span claimed by an earlier
 * detector is not claimed again (an Anthropic key is not also an OpenAI key). Numbers are
 * validated (Luhn for cards, mod-97 for IBANs, digit counts for phones) so ordinary numbers in code
 * stay. Names like {@code api_key} are never redacted, only values assigned to them that look secret.
 */
final class SensitiveDataRedactor {

    /** One redacted span. */
    record Finding(int start, int end, String type) {
    }

    private record Detector(String type, Pattern pattern, int valueGroup, Predicate<Matcher> accept, List<String> triggers,
            int minDigits) {

        /** Cheap pre-check: the pattern cannot match unless a trigger occurs and the text has enough digits. */
        boolean mayMatch(String lowerCased, int digitCount) {
            if (digitCount < minDigits) {
                return false;
            }
            for (String trigger : triggers) {
                if (lowerCased.contains(trigger)) {
                    return true;
                }
            }
            return triggers.isEmpty();
        }
    }

    private static Detector detector(String type, String regex, Predicate<Matcher> accept, String... triggers) {
        return new Detector(type, Pattern.compile(regex), 0, accept, List.of(triggers), 0);
    }

    private static Detector numeric(String type, int minDigits, String regex, Predicate<Matcher> accept) {
        return new Detector(type, Pattern.compile(regex), 0, accept, List.of(), minDigits);
    }

    private static final Pattern IDENTIFIER_CHAIN = Pattern.compile("[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*");
    private static final Pattern TEMPLATE_REFERENCE = Pattern.compile("^(?:\\$\\{.*}|\\$\\w+|%\\(.*\\)s?|<.*>|\\{\\{.*}}|\\[[A-Z_]+_\\d+])$");

    private final List<Detector> detectors;

    SensitiveDataRedactor(GuardrailSettings settings) {
        this.detectors = List.of(
                detector("PRIVATE_KEY", 
                        "-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----[\\s\\S]*?(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|\\z)", m -> true, "private key"),
                detector("JWT", "\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}", m -> true, "eyj"),
                detector("ANTHROPIC_KEY", "\\bsk-ant-[A-Za-z0-9_-]{20,}", m -> true, "sk-ant-"),
                detector("OPENAI_KEY", "\\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}", m -> true, "sk-"),
                detector("AWS_KEY", "\\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA)[0-9A-Z]{16}\\b", m -> true,
                        "akia", "asia", "agpa", "aida", "aroa", "anpa"),
                detector("GITHUB_TOKEN", "\\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\\b", m -> true,
                        "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"),
                detector("SLACK_TOKEN", "\\bxox[abposre]-[A-Za-z0-9-]{10,}", m -> true, "xox"),
                new Detector("SECRET", Pattern.compile(
                        "(?i)(?:password|passwd|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|secret[_-]?key"
                                + "|client[_-]?secret|auth[_-]?key|credentials?|key)(?![\\w.-])[\"']?\\s*(?::=|=>|:|=)\\s*"
                                + "(?:([\"'`])(?<quoted>[^\"'`\\s]+)\\1|(?<bare>[^\\s\"'`,;()\\[\\]{}<>]+)(?!\\s*\\())"),
                        -1, m -> looksSecret(m, settings), List.of("pass", "pwd", "secret", "token", "key", "credential"), 0),
                detector("EMAIL", "(?<![\\w.+-])[A-Za-z0-9._%+-]++@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}\\b", m -> true, "@"),
                numeric("IBAN", 10, "\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\\b", m -> validIban(m.group())),
                numeric("CARD", 13, "(?<![\\d+.])(?:\\d[ -]?){12,18}\\d(?![\\d.])", m -> luhnValid(m.group())),
                numeric("PHONE", 8,
                        "(?<![\\w+])(?:\\+|00)[1-9]\\d{0,2}(?:[ .-]?\\(?\\d{1,4}\\)?){2,6}(?![\\w])"
                                + "|(?<![\\w(])\\(\\d{3}\\) ?\\d{3}[ .-]\\d{4}(?!\\w)"
                                + "|(?<![\\w.-])\\d{3}[.-]\\d{3}[.-]\\d{4}(?![\\w.-])",
                        m -> digits(m.group()).length() >= 8 && digits(m.group()).length() <= 15),
                detector("IP", "(?<![\\w.])(?=\\d)(?<!(?i:version|release|v) )(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}"
                        + "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?!\\w|\\.\\d)",
                        m -> !m.group().startsWith("127.") && !m.group().equals("0.0.0.0"), "."),
                detector("IP", "(?<![\\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\\w:])", m -> validIpv6(m.group()), ":"));
    }

    /** The spans to redact, ordered by position, without overlaps. */
    List<Finding> find(String text) {
        List<Finding> accepted = new ArrayList<>();
        String lowerCased = text.toLowerCase(java.util.Locale.ROOT);
        int digitCount = digits(text).length();
        for (Detector detector : detectors) {
            if (!detector.mayMatch(lowerCased, digitCount)) {
                continue;
            }
            Matcher matcher = detector.pattern().matcher(text);
            while (matcher.find()) {
                if (!detector.accept().test(matcher)) {
                    continue;
                }
                int start;
                int end;
                if (detector.valueGroup() < 0) {
                    String group = matcher.group("quoted") != null ? "quoted" : "bare";
                    start = matcher.start(group);
                    end = matcher.end(group);
                } else {
                    start = matcher.start();
                    end = matcher.end();
                }
                if (accepted.stream().noneMatch(f -> f.start() < end && start < f.end())) {
                    accepted.add(new Finding(start, end, detector.type()));
                }
            }
        }
        accepted.sort(Comparator.comparingInt(Finding::start));
        return accepted;
    }

    /** The text with every finding replaced by its placeholder in the mapping. */
    String redact(String text, Redactions redactions, List<Finding> findings) {
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        for (Finding finding : findings) {
            out.append(text, last, finding.start());
            out.append(redactions.placeholderFor(finding.type(), text.substring(finding.start(), finding.end())));
            last = finding.end();
        }
        return out.append(text, last, text.length()).toString();
    }

    private static boolean looksSecret(Matcher matcher, GuardrailSettings settings) {
        String quoted = matcher.group("quoted");
        String value = quoted != null ? quoted : matcher.group("bare");
        if (value.length() < settings.secretMinLength() || TEMPLATE_REFERENCE.matcher(value).matches()) {
            return false;
        }
        if (quoted == null && IDENTIFIER_CHAIN.matcher(value).matches() && value.chars().noneMatch(Character::isDigit)) {
            // a variable, attribute or constant (os.environ, settings.API_KEY, None), not a value
            return false;
        }
        return entropy(value) >= settings.secretMinEntropy();
    }

    /** Shannon entropy in bits per character. */
    static double entropy(String value) {
        int[] counts = new int[128];
        int other = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 128) {
                counts[c]++;
            } else {
                other++;
            }
        }
        double bits = 0;
        for (int count : counts) {
            bits += term(count, value.length());
        }
        return bits + term(other, value.length());
    }

    private static double term(int count, int length) {
        if (count == 0) {
            return 0;
        }
        double p = (double) count / length;
        return -p * (Math.log(p) / Math.log(2));
    }

    static String digits(String text) {
        StringBuilder digits = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                digits.append(text.charAt(i));
            }
        }
        return digits.toString();
    }

    static boolean luhnValid(String candidate) {
        String digits = digits(candidate);
        if (digits.length() < 13 || digits.length() > 19 || digits.chars().distinct().count() == 1) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    static boolean validIban(String candidate) {
        String iban = candidate.replace(" ", "");
        if (iban.length() < 15 || iban.length() > 34) {
            return false;
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder numeric = new StringBuilder(rearranged.length() * 2);
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    static boolean validIpv6(String candidate) {
        if (candidate.equals("::") || candidate.equals("::1")) {
            return false;
        }
        int doubleColon = candidate.indexOf("::");
        if (doubleColon != candidate.lastIndexOf("::") || candidate.contains(":::")) {
            return false;
        }
        String[] groups = candidate.split(":", -1);
        int nonEmpty = 0;
        for (String group : groups) {
            if (!group.isEmpty()) {
                nonEmpty++;
            }
        }
        boolean compressed = doubleColon >= 0;
        boolean edgesValid = compressed || (!candidate.startsWith(":") && !candidate.endsWith(":"));
        return edgesValid && nonEmpty >= 2 && (compressed ? nonEmpty <= 7 : groups.length == 8);
    }
}
