package io.agentcoach.coaching.guardrails;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import io.agentcoach.coaching.guardrails.GuardContext.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AnswerValidationRuleTests {

    private final AnswerValidationRule rule = new AnswerValidationRule(GuardrailSettings.defaults());

    private Decision validate(String answer) {
        return rule.evaluate(answer, GuardContexts.externalWithConsent(Source.MODEL_ANSWER));
    }

    private String repaired(String answer) {
        return ((Decision.Rewrite) validate(answer)).text();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   \n\t  "})
    void replacesAnEmptyAnswer(String answer) {
        assertThat(repaired(answer)).isEqualTo(AnswerValidationRule.EMPTY_REPLACEMENT);
    }

    @Test
    void closesACodeBlockCutOffMidwayAndSaysSo() {
        String truncated = "Use a loop:\n```python\nfor attempt in range(3):\n    try:\n        return fn(";

        assertThat(repaired(truncated)).isEqualTo(truncated + "\n```\n\n" + AnswerValidationRule.CUT_OFF_NOTE);
    }

    @Test
    void closesTheLastOfSeveralBlocksWhenFencesAreUnbalanced() {
        String answer = "```js\nconst a = 1;\n```\nthen\n~~~\nconst b = 2;\n";

        assertThat(repaired(answer)).endsWith("const b = 2;\n~~~\n\n" + AnswerValidationRule.CUT_OFF_NOTE);
    }

    @Test
    void replacesGarbageDecodedFromNonUtf8Bytes() {
        byte[] bytes = new byte[400];
        new Random(8).nextBytes(bytes);
        String garbage = new String(bytes, StandardCharsets.UTF_8);

        assertThat(repaired(garbage)).isEqualTo(AnswerValidationRule.GARBLED_REPLACEMENT);
    }

    @Test
    void removesAFewStrayControlCharactersAndBrokenSurrogates() {
        String answer = "Retries need a limit.\u0000 Use exponential backoff\uD800 with jitter.";

        assertThat(repaired(answer)).isEqualTo("Retries need a limit. Use exponential backoff with jitter.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            script tag           | See below.<script>fetch('/api/me').then(r => r.text())</script> Done.  | See below. Done.
            unclosed script      | Careful<SCRIPT src=//evil.example/x.js>                               | Careful
            javascript link      | [open the lesson](javascript:alert(document.cookie))                  | [open the lesson](#)
            obfuscated link      | [click](JaVaScRiPt:alert(1))                                          | [click](#)
            html href            | <a href="javascript:steal()">lesson</a>                               | <a href="#">lesson</a>
            event handler        | <img src=x onerror="alert(1)"> picture                                | <img src=x> picture
            data html link       | [x](data:text/html;base64,PHNjcmlwdD4=)                               | [x](#)
            iframe               | <iframe src="https://evil.example"></iframe>Text                      | Text
            """)
    void removesScriptsAndScriptLinksFromProse(String kind, String answer, String expected) {
        assertThat(repaired(answer)).as(kind).isEqualTo(expected);
    }

    @Test
    void leavesHtmlInsideCodeAlone() {
        String answer = """
                An XSS payload looks like `<script>alert(1)</script>`:
                ```html
                <img src=x onerror="alert(1)">
                <script>alert(document.cookie)</script>
                ```
                Escape output to stop it.""";

        assertThat(validate(answer)).isEqualTo(Decision.ALLOW);
    }

    @Test
    void letsAWellFormedAnswerThrough() {
        assertThat(validate("Use `time.sleep(2 ** attempt)`; see [Retries](/lessons/retries).\n```python\nprint(1)\n```"))
                .isEqualTo(Decision.ALLOW);
    }
}
