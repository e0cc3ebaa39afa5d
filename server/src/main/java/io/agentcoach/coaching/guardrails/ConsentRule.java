package io.agentcoach.coaching.guardrails;

/**
 * Without the user's consent to external processing nothing is sent to an external provider. The
 * block's reason lets the gateway route the request to the offline coach instead.
 */
final class ConsentRule implements GuardrailRule {

    static final String NAME = "external-processing-consent";
    static final String REASON = NAME + ": no consent to external processing";
    static final String USER_MESSAGE = "You have not agreed to have your messages processed by an external AI provider, "
            + "so nothing was sent to one. The offline coach answers instead, from the course material and your test "
            + "results. You can give or withdraw consent at any time in your settings.";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Decision evaluate(String text, GuardContext context) {
        if (context.externalProvider() && !context.consentToExternalProcessing()) {
            return new Decision.Block(REASON, USER_MESSAGE);
        }
        return Decision.ALLOW;
    }
}
