package io.agentcoach;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * AgentCoach: one deployable made of application modules with verified boundaries.
 * See docs/architecture.md and docs/modules/.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(systemName = "AgentCoach", sharedModules = "platform")
public class AgentCoachApplication {

    public static void main(String[] args) {
        SpringApplication.run(AgentCoachApplication.class, args);
    }
}
