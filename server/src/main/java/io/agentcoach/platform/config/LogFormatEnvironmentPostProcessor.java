package io.agentcoach.platform.config;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code AGENTCOACH_LOG_FORMAT=json} switches console logs to structured JSON (Elastic Common
 * Schema); {@code text}, the default, keeps the human-readable pattern. Any other value stops
 * start-up with a message naming the setting.
 */
class LogFormatEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String PROPERTY = "agentcoach.log-format";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String format = environment.getProperty(PROPERTY, "text").trim().toLowerCase(Locale.ROOT);
        switch (format) {
            case "text" -> { }
            case "json" -> environment.getPropertySources().addFirst(new MapPropertySource("agentcoachLogFormat",
                    Map.of("logging.structured.format.console", "ecs")));
            default -> throw new IllegalStateException("Invalid setting " + PROPERTY
                    + " (environment variable AGENTCOACH_LOG_FORMAT) = '" + format + "': must be text or json");
        }
    }
}
