package io.agentcoach.coaching.guardrail;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises text that tries to override the coach's instructions or extract its system prompt,
 * in a learner's message, in learner code and in retrieved documents. Pattern based: it catches
 * the common phrasings, not every possible attack.
 */
public final class PromptInjection {

    private record Signature(Pattern pattern, String what) {
    }

    private static final String ANY = "(?:all |any |the |your |my |of )*";
    private static final List<Signature> SIGNATURES = List.of(
            new Signature(Pattern.compile("(?i)\\b(?:ignore|disregard|forget|override|bypass)\\s+" + ANY
                    + "(?:previous |prior |above |earlier |preceding |original |system )*"
                    + "(?:instructions|prompts?|rules|guidelines|directives|messages|context)"),
                    "asks to ignore the coach's instructions"),
            new Signature(Pattern.compile("(?i)\\b(?:reveal|show|print|repeat|output|display|tell me|give me|what (?:is|are))"
                    + "\\s+(?:me\\s+)?" + ANY + "(?:system prompt|hidden (?:prompt|instructions)|initial instructions|"
                    + "instructions (?:above|you were given)|original prompt)"),
                    "asks for the system prompt"),
            new Signature(Pattern.compile("(?i)\\byou are (?:now|no longer)\\b[^.\\n]{0,40}\\b(?:DAN|jailbroken|unrestricted|"
                    + "unfiltered|developer mode|evil|without (?:rules|restrictions))"), "tries to assign a new role"),
            new Signature(Pattern.compile("(?i)\\b(?:do anything now|developer mode (?:enabled|on)|jailbreak mode)"),
                    "a known jailbreak phrase"),
            new Signature(Pattern.compile("(?i)</?\\s*(?:system|assistant|im_start|im_end)\\s*>|<\\|im_start\\|>"),
                    "fakes a chat-format boundary"),
            new Signature(Pattern.compile("(?im)^\\s*(?:#+\\s*)?(?:system|new instructions)\\s*:"),
                    "fakes a system message"),
            new Signature(Pattern.compile("(?i)\\b(?:act as|pretend (?:to be|you are))\\b[^.\\n]{0,30}\\b(?:no (?:rules|"
                    + "restrictions|filters)|unrestricted|unfiltered)"), "tries to assign a new role"));

    private PromptInjection() {
    }

    /** What kind of injection {@code text} attempts, or empty when none is recognised. */
    public static Optional<String> detect(String text) {
        for (Signature signature : SIGNATURES) {
            if (signature.pattern().matcher(text).find()) {
                return Optional.of(signature.what());
            }
        }
        return Optional.empty();
    }
}
