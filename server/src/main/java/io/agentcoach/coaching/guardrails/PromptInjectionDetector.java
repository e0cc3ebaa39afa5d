package io.agentcoach.coaching.guardrails;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores how much a text looks like an attempt to override the coach's instructions. The text is
 * examined as written, folded ({@link TextNormalizer}), inside hidden HTML/markdown comments and
 * after decoding base64 runs; each signal found adds its weight and a reason. The score is capped at 1.
 */
final class PromptInjectionDetector {

    /** A signal: a pattern on folded text, its weight and the reason reported. */
    private record Signal(Pattern pattern, double weight, String reason, List<String> triggers) {
        Signal(String regex, double weight, String reason, String... triggers) {
            this(Pattern.compile(regex, Pattern.MULTILINE), weight, reason, List.of(triggers));
        }

        /** Cheap pre-check: the pattern cannot match unless one of its literal words occurs. */
        boolean mayMatch(String folded) {
            for (String trigger : triggers) {
                if (folded.contains(trigger)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final String ANY_WORDS = "(?:[\\w'-]+ ){0,4}";

    private static final List<Signal> SIGNALS = List.of(
            new Signal("\\b(?:ignore|disregard|forget|override|bypass|skip|drop|abandon)\\s+" + ANY_WORDS
                    + "(?:previous|prior|above|earlier|preceding|initial|original|system|all|your|any)\\s+"
                    + ANY_WORDS + "(?:instructions?|prompts?|rules|directions|guidelines|directives|constraints|messages)\\b",
                    0.8, "instruction override", "instruction", "prompt", "rules", "direction", "guideline", "directive", "constraint", "message"),
            new Signal("\\byou are now\\b|\\bfrom now on,? you (?:are|will|must)\\b|\\bhenceforth you\\b", 0.5,
                    "identity reassignment", "you are now", "from now on", "henceforth"),
            new Signal("\\b(?:pretend|imagine) (?:to be|you are|that you are)\\b|\\b(?:role-?play|act) as (?:an? )?"
                    + "(?:unrestricted|unfiltered|evil|jailbroken|different|new) ", 0.4, "role-play jailbreak", "pretend", "imagine", "play", "act as"),
            new Signal("\\bdo anything now\\b|\\bdan mode\\b|\\byou are dan\\b|\\bdeveloper mode\\b|\\bjailbr(?:eak|oken)\\b"
                    + "|\\bstan mode\\b|\\baim mode\\b", 0.7, "known jailbreak persona", "anything now", "dan", "developer mode", "jailbr", "stan mode", "aim mode"),
            new Signal("\\b(?:no|without any|without|free of|free from) (?:restrictions|filters|limitations|rules|guidelines"
                    + "|censorship)\\b|\\b(?:unfiltered|uncensored) (?:mode|ai|assistant|response)", 0.4,
                    "request to drop restrictions", "restriction", "filter", "limitation", "rules", "guideline", "censor"),
            new Signal("\\b(?:system prompt|new instructions|updated instructions|admin override|developer instructions)\\s*:",
                    0.6, "injected instruction block", "prompt", "instructions", "override"),
            new Signal("\\b(?:print|reveal|repeat|output|dump|leak|recite|display|write out|spell out)\\s+(?:me\\s+)?"
                    + "(?:all\\s+)?(?:of\\s+)?(?:your|the)\\s+(?:\\w+\\s+){0,2}"
                    + "(?:system prompt|initial prompt|instructions|prompt|guidelines|rules)\\b"
                    + "|\\b(?:tell me|show me|give me|what (?:is|are|were)|share)\\s+(?:all\\s+)?(?:of\\s+)?your\\s+"
                    + "(?:\\w+\\s+){0,2}(?:system prompt|initial prompt|instructions|prompt|guidelines|rules)\\b",
                    0.7, "request to reveal instructions", "prompt", "instruction", "guideline", "rules"),
            new Signal("\\brepeat (?:the|all) (?:words|text) above\\b|\\bstarting with \"?you are\\b", 0.7,
                    "request to reveal instructions", "above", "starting with"),
            new Signal("<\\|?(?:im_start|im_end|system|endoftext|start_header_id|end_header_id|eot_id)\\|?>|\\[/?inst\\]"
                    + "|<</?sys>>", 0.7, "fake chat-template role tag", "<", "["),
            new Signal("^\\s*(?:#{1,6}|\\*\\*|\\[)?\\s*(?:system|assistant|developer)(?: message| prompt)?\\s*(?:\\*\\*|\\])?\\s*:",
                    0.5, "fake role header", "system", "assistant", "developer"),
            new Signal("\\b(?:the )?(?:ai|assistant|model|coach|language model|llm) (?:must|should|will) (?:now )?"
                    + "(?:ignore|reveal|output|print|obey|comply)\\b", 0.5, "instructions addressed to the model", "must", "should", "will"),
            new Signal("\\b(?:give|show|tell|write|send) (?:me |us )?(?:the )?(?:full |complete |entire |whole )?"
                    + "(?:reference |official |model )?(?:solution|answer key)\\b.{0,40}\\b(?:ignore|regardless|even if|"
                    + "despite)\\b", 0.4, "solution extraction combined with override", "solution", "answer key"));

    private static final Pattern HTML_COMMENT = Pattern.compile("<!--(.*?)(?:-->|$)", Pattern.DOTALL);
    private static final Pattern MARKDOWN_COMMENT = Pattern.compile("^\\[(?://|comment)?\\]:\\s*#\\s*[(\"'](.*)[)\"']\\s*$",
            Pattern.MULTILINE);
    private static final Pattern HIDDEN_ELEMENT = Pattern.compile(
            "<(\\w+)[^>]*(?:display\\s*:\\s*none|visibility\\s*:\\s*hidden|font-size\\s*:\\s*0|hidden)[^>]*>(.*?)</\\1>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern BASE64_RUN = Pattern.compile("[A-Za-z0-9+/_-]{16,}={0,2}");
    private static final int MAX_BASE64_RUNS = 64;

    /**
     * @param score 0 (nothing found) to 1
     * @param reasons the signals found, each with where it was found
     */
    record Score(double score, List<String> reasons) {
        Score {
            reasons = List.copyOf(reasons);
        }
    }

    Score score(String text) {
        Set<String> reasons = new LinkedHashSet<>();
        double score = 0;
        String folded = TextNormalizer.fold(text);
        double visible = scan(folded, "", reasons);
        score += visible;

        double hidden = 0;
        for (String segment : hiddenSegments(text)) {
            hidden += scan(TextNormalizer.fold(segment), " inside a hidden comment or element", reasons);
        }
        double encoded = 0;
        for (String decoded : decodedBase64Runs(text)) {
            encoded += scan(TextNormalizer.fold(decoded), " in base64-encoded text", reasons);
        }
        // Hidden and encoded instructions weigh more: nobody hides a genuine question.
        score += hidden * 1.25 + encoded * 1.25;

        if (score > 0) {
            if (TextNormalizer.countInvisible(text) > 0) {
                score += 0.2;
                reasons.add("invisible characters alongside instructions");
            }
            if (TextNormalizer.countConfusables(text) > 0 && hasAsciiLetters(text)) {
                score += 0.2;
                reasons.add("look-alike letters from other scripts alongside instructions");
            }
        }
        return new Score(Math.min(1.0, score), new ArrayList<>(reasons));
    }

    private static double scan(String folded, String where, Set<String> reasons) {
        double score = 0;
        Set<String> seen = new LinkedHashSet<>();
        for (Signal signal : SIGNALS) {
            if (!seen.contains(signal.reason()) && signal.mayMatch(folded) && signal.pattern().matcher(folded).find()) {
                seen.add(signal.reason());
                score += signal.weight();
                reasons.add(signal.reason() + where);
            }
        }
        return score;
    }

    private static List<String> hiddenSegments(String text) {
        List<String> segments = new ArrayList<>();
        for (Pattern pattern : List.of(HTML_COMMENT, MARKDOWN_COMMENT)) {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                segments.add(matcher.group(1));
            }
        }
        Matcher hidden = HIDDEN_ELEMENT.matcher(text);
        while (hidden.find()) {
            segments.add(hidden.group(2));
        }
        return segments;
    }

    private static List<String> decodedBase64Runs(String text) {
        List<String> decoded = new ArrayList<>();
        Matcher matcher = BASE64_RUN.matcher(text);
        int attempts = 0;
        while (matcher.find() && attempts++ < MAX_BASE64_RUNS) {
            String run = matcher.group();
            boolean urlSafe = run.indexOf('-') >= 0 || run.indexOf('_') >= 0;
            String unpadded = run.replace("=", "");
            try {
                byte[] bytes = (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(unpadded);
                String candidate = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString();
                if (mostlyPrintable(candidate)) {
                    decoded.add(candidate);
                }
            } catch (IllegalArgumentException | CharacterCodingException notBase64Text) {
                // An identifier or hash that happens to use the base64 alphabet: nothing to scan.
            }
        }
        return decoded;
    }

    private static boolean mostlyPrintable(String candidate) {
        if (candidate.length() < 8) {
            return false;
        }
        long printable = candidate.codePoints().filter(cp -> cp >= 0x20 && cp != 0x7F || cp == '\n' || cp == '\t').count();
        long letters = candidate.codePoints().filter(Character::isLetter).count();
        return printable >= candidate.length() * 0.95 && letters >= candidate.length() * 0.5;
    }

    private static boolean hasAsciiLetters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80 && Character.isLetter(c)) {
                return true;
            }
        }
        return false;
    }
}
