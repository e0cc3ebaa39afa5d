package io.agentcoach.identity.ratelimit;

import java.time.Duration;

import io.agentcoach.identity.RateLimits.Quota;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Request rate limits ({@code agentcoach.rate-limit.*}, for example
 * {@code AGENTCOACH_RATE_LIMIT_PLANS_TEAM=1200/1m}). Every quota is {@code requests/window}: a
 * bucket of that many tokens, refilled evenly over the window. Where the buckets live is the
 * platform's {@code agentcoach.redis.url}: on this node when it is empty, in Redis otherwise.
 *
 * @param enabled false switches every limit off (each request is still served, nothing counted)
 * @param anonymous per client address, for requests without credentials to the API and the
 *        authorization server
 * @param sensitive per client address, for password login, sign-up, password reset and change, accepting an
 *        invitation and the OAuth token endpoint, whatever credentials they carry
 * @param failedAuth per client address, for API requests whose bearer token or API key is refused;
 *        once it is used up the address's requests with credentials are refused unchecked
 *        ({@link FailedAuthentications})
 * @param plans per user (access tokens) and per API key, by the plan of the organization the
 *        credential acts in
 * @param redis how the shared buckets are kept when Redis is configured
 */
@Validated
@ConfigurationProperties("agentcoach.rate-limit")
public record RateLimitSettings(
        @DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("300/1m") Quota anonymous,
        @NotNull @DefaultValue("30/1m") Quota sensitive,
        @NotNull @DefaultValue("30/1m") Quota failedAuth,
        @Valid @NotNull @DefaultValue Plans plans,
        @Valid @NotNull @DefaultValue Redis redis) {

    /** The quota per user and per API key of each organization plan. */
    public record Plans(
            @NotNull @DefaultValue("600/1m") Quota individual,
            @NotNull @DefaultValue("1200/1m") Quota team,
            @NotNull @DefaultValue("3000/1m") Quota enterprise) {

        /** The quota of a plan as stored on the organization; an unknown plan gets the smallest. */
        Quota of(String plan) {
            return switch (plan == null ? "" : plan) {
                case "team" -> team;
                case "enterprise" -> enterprise;
                default -> individual;
            };
        }
    }

    /**
     * @param keyPrefix prefix of every bucket's Redis key, so that several deployments can share one Redis
     * @param timeout the longest a bucket operation may wait for Redis; past it the request is allowed
     * @param reconnectInterval how often a node that could not connect to Redis tries again
     */
    public record Redis(
            @NotBlank @DefaultValue("agentcoach:rate-limit:") String keyPrefix,
            @NotNull @DefaultValue("250ms") Duration timeout,
            @NotNull @DefaultValue("5s") Duration reconnectInterval) {
    }
}
