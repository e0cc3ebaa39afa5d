package io.agentcoach.identity.mail;

import java.util.Properties;

import io.agentcoach.identity.IdentitySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Sends identity's mail (invitations, password reset links) over SMTP through Spring's
 * {@code JavaMailSender} when {@code AGENTCOACH_SMTP_HOST} is set. Without SMTP nothing is sent: the
 * message, link included, is written to the server log at INFO for the operator to pass on (see
 * docs/operations.md), and the caller learns it was not mailed.
 */
@Component
@EnableConfigurationProperties(MailSettings.class)
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final MailSettings settings;
    private final IdentitySettings identity;
    private final JavaMailSenderImpl sender;

    Mailer(MailSettings settings, IdentitySettings identity) {
        this.settings = settings;
        this.identity = identity;
        this.sender = settings.smtp().configured() ? sender(settings.smtp()) : null;
    }

    private static JavaMailSenderImpl sender(MailSettings.Smtp smtp) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(smtp.host());
        sender.setPort(smtp.port());
        sender.setDefaultEncoding("UTF-8");
        Properties properties = sender.getJavaMailProperties();
        if (!smtp.username().isBlank()) {
            sender.setUsername(smtp.username());
            sender.setPassword(smtp.password());
            properties.put("mail.smtp.auth", "true");
        }
        if (smtp.port() == 465) {
            properties.put("mail.smtp.ssl.enable", "true");
        } else {
            properties.put("mail.smtp.starttls.enable", "true");
        }
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.writetimeout", "10000");
        return sender;
    }

    /** Whether mail actually leaves this server. */
    public boolean sends() {
        return sender != null;
    }

    /**
     * Sends a plain-text message. Returns whether it was handed to the SMTP server; without SMTP
     * the whole message is logged at INFO instead, and when SMTP fails a warning without the body
     * is logged (the body carries secrets such as reset links).
     */
    public boolean send(String to, String subject, String text) {
        if (sender == null) {
            log.info("SMTP is not configured (AGENTCOACH_SMTP_HOST); mail for {} not sent. Subject: {}\n{}", to,
                    subject, text);
            return false;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(settings.smtp().from());
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        try {
            sender.send(message);
            return true;
        } catch (MailException e) {
            log.warn("Mail to {} ({}) could not be sent: {}", to, subject, e.getMessage());
            return false;
        }
    }

    /**
     * The web app's base URL for links in mail: {@code agentcoach.public-url}, else the issuer,
     * else the address of the current request. Call it on the request's thread.
     */
    public String publicUrl() {
        String configured = !settings.publicUrl().isBlank() ? settings.publicUrl() : identity.issuer();
        String base = configured.isBlank() ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
                : configured;
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
