package io.agentcoach.identity.ratelimit;

import io.agentcoach.identity.RateLimits;
import io.agentcoach.platform.PlatformSettings;
import io.agentcoach.platform.ProblemResponses;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rate limits: buckets in Redis when {@code agentcoach.redis.url} is set, on this node otherwise;
 * the per-address filter in front of every request (ahead of all security filter chains, so the
 * authorization server's endpoints are covered too); the per-caller filter for the API's chain.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitSettings.class)
class RateLimitConfiguration {

    @Bean(destroyMethod = "close")
    BucketStore rateLimitBuckets(PlatformSettings platform, RateLimitSettings settings) {
        return platform.redis().configured() ? new RedisBucketStore(platform.redis().url(), settings.redis())
                : new LocalBucketStore();
    }

    @Bean
    RateLimits rateLimits(BucketStore buckets, RateLimitSettings settings, MeterRegistry meters) {
        return new TokenBucketRateLimits(buckets, settings.enabled(), meters);
    }

    @Bean
    FailedAuthentications failedAuthentications(RateLimits limits, RateLimitSettings settings) {
        return new FailedAuthentications(limits, settings.failedAuth());
    }

    @Bean
    FilterRegistrationBean<ClientAddressRateLimitFilter> clientAddressRateLimitFilter(RateLimits limits,
            RateLimitSettings settings, FailedAuthentications failures, ProblemResponses problems) {
        var registration = new FilterRegistrationBean<>(
                new ClientAddressRateLimitFilter(limits, settings, failures, problems));
        // after the request observation (so refusals show in http_server_requests), before the body limit
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    @Bean
    CallerRateLimitFilter callerRateLimitFilter(RateLimits limits, RateLimitSettings settings, JdbcClient jdbc,
            ProblemResponses problems) {
        return new CallerRateLimitFilter(limits, new PlanQuotas(jdbc, settings.plans()), problems);
    }

    /** The caller filter belongs in the API's security chain only, not in front of every request. */
    @Bean
    FilterRegistrationBean<CallerRateLimitFilter> callerRateLimitFilterRegistration(CallerRateLimitFilter filter) {
        var registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }
}
