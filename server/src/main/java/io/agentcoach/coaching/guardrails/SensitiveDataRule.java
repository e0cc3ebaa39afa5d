package io.agentcoach.coaching.guardrails;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Redacts personal data and secrets before text leaves for an external provider; text for a local
 * model (the offline coach, Ollama on this host) passes unchanged. Placeholders are recorded in the
 * request's {@link Redactions} so the answer can be re-personalised locally.
 */
final class SensitiveDataRule implements GuardrailRule {

    static final String NAME = "sensitive-data";

    private final SensitiveDataRedactor redactor;

    SensitiveDataRule(GuardrailSettings settings) {
        this.redactor = new SensitiveDataRedactor(settings);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Decision evaluate(String text, GuardContext context) {
        if (!context.externalProvider()) {
            return Decision.ALLOW;
        }
        List<SensitiveDataRedactor.Finding> findings = redactor.find(text);
        if (findings.isEmpty()) {
            return Decision.ALLOW;
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        findings.forEach(finding -> counts.merge(finding.type(), 1, Integer::sum));
        String summary = counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).reduce((a, b) -> a + ", " + b)
                .orElse("");
        return new Decision.Rewrite(redactor.redact(text, context.redactions(), findings), List.of(NAME + ": redacted " + summary));
    }
}
