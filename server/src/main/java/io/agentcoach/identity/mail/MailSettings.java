package io.agentcoach.identity.mail;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where links in mail point and how mail leaves this server ({@code agentcoach.public-url},
 * {@code agentcoach.smtp.*}).
 *
 * @param publicUrl the base URL people open the web app at, for links in mail; empty to use
 *        {@code agentcoach.identity.issuer}, or else the address the triggering request came to
 * @param smtp the mail server; without a host no mail is sent and links are written to the log
 */
@Validated
@ConfigurationProperties("agentcoach")
public record MailSettings(
        @NotNull @Pattern(regexp = "|https?://[^\\s]+", message = "must be empty or an http(s) URL")
        @DefaultValue("") String publicUrl,
        @Valid @NotNull @DefaultValue Smtp smtp) {

    /**
     * @param host the SMTP server; empty: mail is not sent
     * @param port its port: 587 (STARTTLS, used whenever the server offers it), 465 (TLS from the
     *        first byte) or 25
     * @param username the account to log in with; empty for none
     * @param password its password
     * @param from the sender address
     */
    public record Smtp(
            @NotNull @DefaultValue("") String host,
            @Min(1) @Max(65535) @DefaultValue("587") int port,
            @NotNull @DefaultValue("") String username,
            @NotNull @DefaultValue("") String password,
            @NotNull @DefaultValue("AgentCoach <no-reply@localhost>") String from) {

        public boolean configured() {
            return !host.isBlank();
        }
    }
}
