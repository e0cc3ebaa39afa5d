package io.agentcoach.platform.ops;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's header; the operations come from the controllers. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI agentCoachOpenApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        return new OpenAPI().info(new Info()
                .title("AgentCoach API")
                .description("Learning paths, exercises graded in a sandbox and an AI coach for engineers who "
                        + "build agentic AI systems. Errors are RFC 9457 problem documents.")
                .version(properties != null ? properties.getVersion() : "dev")
                .license(new License().name("Proprietary")));
    }
}
