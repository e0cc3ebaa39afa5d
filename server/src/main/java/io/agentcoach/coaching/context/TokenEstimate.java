package io.agentcoach.coaching.context;

/**
 * A provider-independent estimate of how many tokens a text takes: about four characters per token
 * for English prose and code in the tokenizers of the major providers, plus a few tokens of framing
 * per message. Deliberately rough and slightly high, so a budget it fills is not exceeded.
 */
public final class TokenEstimate {

    static final int PER_MESSAGE = 4;

    private TokenEstimate() {
    }

    /** Tokens of {@code text} sent as one message. */
    public static int ofMessage(String text) {
        return PER_MESSAGE + (text.length() + 3) / 4;
    }
}
