package io.agentcoach.coaching.guardrails;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcoach.coaching.guardrails.GuardContext.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SensitiveDataRuleTests {

    private final SensitiveDataRule rule = new SensitiveDataRule(GuardrailSettings.defaults());

    private String redacted(String text, GuardContext context) {
        Decision decision = rule.evaluate(text, context);
        return decision instanceof Decision.Rewrite rewrite ? rewrite.text() : text;
    }

    private String redacted(String text) {
        return redacted(text, GuardContexts.externalWithConsent(Source.LEARNER_MESSAGE));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            email                | Mail me at jane.doe+coach@example-corp.co.uk please           | Mail me at [EMAIL_1] please
            phone UK             | Call +44 20 7946 0958 tomorrow                                 | Call [PHONE_1] tomorrow
            phone US             | or +1 (415) 555-2671, or (415) 555-2671                        | or [PHONE_1], or [PHONE_2]
            phone FR with 00     | Tel 0033 1 42 68 53 00.                                        | Tel [PHONE_1].
            card Visa            | card 4111 1111 1111 1111 exp 12/29                            | card [CARD_1] exp 12/29
            card Amex dashes     | paid with 3782-822463-10005                                    | paid with [CARD_1]
            IBAN DE              | IBAN DE89 3704 0044 0532 0130 00 for the refund               | IBAN [IBAN_1] for the refund
            IBAN GB compact      | to GB82WEST12345698765432                                      | to [IBAN_1]
            IPv4                 | the server 203.0.113.42 refuses connections                    | the server [IP_1] refuses connections
            IPv6                 | bound to 2001:db8:85a3::8a2e:370:7334 today                    | bound to [IP_1] today
            OpenAI key           | key sk-proj-Ab3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY                   | key [OPENAI_KEY_1]
            Anthropic key        | ANTHROPIC sk-ant-api03-Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0Fe-AAAA   | ANTHROPIC [ANTHROPIC_KEY_1]
            AWS key              | aws_access_key_id = AKIAIOSFODNN7EXAMPLE                       | aws_access_key_id = [AWS_KEY_1]
            GitHub classic       | token ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789                 | token [GITHUB_TOKEN_1]
            GitHub fine-grained  | github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz      | [GITHUB_TOKEN_1]
            Slack                | SLACK_BOT=xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUv     | SLACK_BOT=[SLACK_TOKEN_1]
            JWT                  | Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U | Authorization: Bearer [JWT_1]
            password assignment  | DB_PASSWORD="Xq7!pL2#vR9z"                                     | DB_PASSWORD="[SECRET_1]"
            yaml secret          | client_secret: 9f8e7d6c5b4a3f2e1d0c                            | client_secret: [SECRET_1]
            Django secret key    | SECRET_KEY = 'django-insecure-7x!k2@p9#qz$w4m8'                | SECRET_KEY = '[SECRET_1]'
            """)
    void replacesPersonalDataAndSecretsWithTypedPlaceholders(String kind, String input, String expected) {
        assertThat(redacted(input)).as(kind).isEqualTo(expected);
    }

    @Test
    void redactsAPrivateKeyBlock() {
        String text = """
                my deploy key:
                -----BEGIN OPENSSH PRIVATE KEY-----
                b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
                QyNTUxOQAAACDzLbK4uH1vHqGf8l5q0N8kC0lX0b3mF1vYw3gJ4pZ6kAAAAJjR2Jb3
                -----END OPENSSH PRIVATE KEY-----
                why does ssh reject it?""";

        assertThat(redacted(text)).isEqualTo("my deploy key:\n[PRIVATE_KEY_1]\nwhy does ssh reject it?");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "api_key = os.environ[\"OPENAI_API_KEY\"]",
            "def call(api_key, token=None):",
            "password = getpass.getpass()",
            "token = settings.GITHUB_TOKEN",
            "secret: ${VAULT_SECRET}",
            "self.api_key = api_key",
            "password_field = form.password",
            "retries = 1234567890123 # a long integer that fails the Luhn check",
            "version 1.2.3.4 of the SDK, listening on 127.0.0.1:8080 and ::1",
            "std::vector<int> v; timestamps like 12:30:45",
            "password = \"changeme\"",
    })
    void leavesIdentifiersReferencesAndOrdinaryNumbersAlone(String code) {
        assertThat(rule.evaluate(code, GuardContexts.externalWithConsent(Source.LEARNER_CODE))).isEqualTo(Decision.ALLOW);
    }

    @Test
    void sameValueSamePlaceholderAndTheAnswerIsRepersonalisedLocally() {
        GuardContext context = GuardContexts.externalWithConsent(Source.LEARNER_MESSAGE);

        String sent = redacted("I am ana@example.org; my colleague bo@example.org; reply to ana@example.org", context);
        String restored = context.redactions().restore("Hi [EMAIL_1], I'll cc [EMAIL_2]. [EMAIL_9] is unknown.");

        assertThat(sent).isEqualTo("I am [EMAIL_1]; my colleague [EMAIL_2]; reply to [EMAIL_1]");
        assertThat(restored).isEqualTo("Hi ana@example.org, I'll cc bo@example.org. [EMAIL_9] is unknown.");
        assertThat(context.redactions().mapping()).containsEntry("[EMAIL_1]", "ana@example.org").hasSize(2);
    }

    @Test
    void anthropicKeysAreNotAlsoCountedAsOpenAiKeys() {
        Decision decision = rule.evaluate("sk-ant-api03-Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0Fe and sk-Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1",
                GuardContexts.externalWithConsent(Source.LEARNER_MESSAGE));

        assertThat(decision).isEqualTo(new Decision.Rewrite("[ANTHROPIC_KEY_1] and [OPENAI_KEY_1]",
                java.util.List.of("sensitive-data: redacted 1 ANTHROPIC_KEY, 1 OPENAI_KEY")));
    }

    @Test
    void nothingIsRedactedForALocalModel() {
        assertThat(rule.evaluate("mail ana@example.org, key sk-proj-Ab3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY",
                GuardContexts.local(Source.LEARNER_MESSAGE))).isEqualTo(Decision.ALLOW);
    }
}
