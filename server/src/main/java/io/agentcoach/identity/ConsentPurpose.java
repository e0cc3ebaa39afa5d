package io.agentcoach.identity;

import java.util.Arrays;
import java.util.Optional;

/**
 * Optional processing a person may agree to, each with the wording they agree to. A change of
 * wording gets a new {@code version}; consent given to an older version still counts (the history
 * says which wording was shown), but a client granting consent must send the version it showed.
 */
public enum ConsentPurpose {

    /** Sending the learner's messages, code and test results to an external model provider. */
    EXTERNAL_MODEL_PROCESSING("external-model-processing", 1, """
            The AI coach may send your messages, your code and your test results to an external AI \
            provider (such as OpenAI or Anthropic, as configured by the operator of this server) to \
            answer you. Without this consent the offline coach answers and nothing leaves this server. \
            You can withdraw consent at any time.""");

    private final String id;
    private final int version;
    private final String wording;

    ConsentPurpose(String id, int version, String wording) {
        this.id = id;
        this.version = version;
        this.wording = wording;
    }

    /** The purpose's stable name in the API and the database, such as {@code external-model-processing}. */
    public String id() {
        return id;
    }

    /** The version of the current wording. */
    public int version() {
        return version;
    }

    /** What the person is asked to agree to. */
    public String wording() {
        return wording;
    }

    public static Optional<ConsentPurpose> byId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }
}
