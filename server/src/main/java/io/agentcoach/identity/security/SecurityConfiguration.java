package io.agentcoach.identity.security;

import java.time.Clock;

import io.agentcoach.identity.IdentitySettings;
import io.agentcoach.identity.apikeys.ApiKeys;
import io.agentcoach.identity.ratelimit.CallerRateLimitFilter;
import io.agentcoach.platform.SecurityHeaders;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The API is stateless: every request proves who it is with a bearer JWT issued by this server or
 * an API key; it reads no sessions or cookies, hence no CSRF tokens (sign-up only writes the
 * authorization server's session, see AuthController). Public: the web app and
 * its static assets, health, info and Prometheus metrics (scraped inside the cluster; put them
 * behind the ingress's own rules if they must not be public), the API description, sign-up and
 * login, password reset. Everything under {@code /api/} needs credentials; other actuator endpoints need a
 * platform admin.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(IdentitySettings.class)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, JwtDecoder jwtDecoder, AccessTokens tokens, ApiKeys apiKeys,
            ProblemSecurityHandlers problems, CallerRateLimitFilter rateLimits) {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .anonymous(a -> { })
                .headers(SecurityHeaders.standard())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .requestMatchers("/actuator/**").hasRole("PLATFORM_ADMIN")
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/auth/signup", "/api/auth/login",
                                "/api/auth/password-reset", "/api/auth/password-reset/confirm").permitAll()
                        // the shipped curriculum may be browsed before signing up; answers need an account
                        .requestMatchers(HttpMethod.GET, "/api/content/**").permitAll()
                        .requestMatchers("/api/**").authenticated()
                        // the web app: its shell, client routes and static assets
                        .anyRequest().permitAll())
                .oauth2ResourceServer(resource -> resource
                        .bearerTokenResolver(ApiKeyAuthenticationFilter.jwtOnlyResolver())
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems)
                        .jwt(jwt -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter(tokens)))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, problems),
                        BearerTokenAuthenticationFilter.class)
                .addFilterAfter(new TenantBindingFilter(), BearerTokenAuthenticationFilter.class)
                .addFilterAfter(rateLimits, TenantBindingFilter.class);
        return http.build();
    }

    /** Verifies access tokens against the signing keys, each distinct token once while it is valid. */
    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, IdentitySettings settings) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).build();
        decoder.setJwtValidator(settings.issuer().isBlank() ? JwtValidators.createDefault()
                : JwtValidators.createDefaultWithIssuer(settings.issuer()));
        return new VerifiedTokenCache(decoder, Clock.systemUTC());
    }

    /**
     * No Micrometer observation around each security filter, authentication and authorization:
     * on a cheap authenticated request (GET /api/me) starting and stopping those dozen observations
     * cost more CPU than verifying the token and reading the database together (docs/benchmarks.md,
     * "Current user with a JWT"). Every request is still observed as a whole
     * ({@code http_server_requests}), and failed sign-ins are in the audit log and the rate-limit
     * metrics.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** bcrypt today, and still able to check hashes of any scheme Spring Security knows. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
