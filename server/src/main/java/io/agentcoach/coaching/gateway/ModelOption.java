package io.agentcoach.coaching.gateway;

import dev.langchain4j.model.chat.StreamingChatModel;
import io.agentcoach.coaching.CoachingSettings.Price;

/**
 * One model the gateway may call.
 *
 * @param id {@code provider:model}, as routing decisions and usage rows name it
 * @param provider openai, anthropic or ollama
 * @param tier whether it is the provider's small or large model
 * @param price its price, zero when the price table does not list it
 * @param client the LangChain4j streaming client
 * @param retryAfter the Retry-After its provider last sent
 */
record ModelOption(String id, String provider, Tier tier, Price price, StreamingChatModel client,
        RetryAfterTracker retryAfter) {

    enum Tier {
        SMALL, LARGE
    }

    /** The model's name at its provider, without the provider prefix. */
    String name() {
        return id.substring(id.indexOf(':') + 1);
    }
}
