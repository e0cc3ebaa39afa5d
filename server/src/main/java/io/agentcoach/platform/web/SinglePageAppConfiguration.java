package io.agentcoach.platform.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

/**
 * Serves the web app's build from {@code classpath:/static}. A browser navigating straight to a
 * client-side route (say {@code /lessons/agent-loop}) gets the app's {@code index.html}, so deep
 * links work; API, actuator and documentation paths never fall back, and neither does a request
 * that does not accept HTML, so unknown routes stay a 404 problem for API clients.
 */
@Configuration(proxyBeanMethods = false)
class SinglePageAppConfiguration implements WebMvcConfigurer {

    private static final List<String> SERVER_PREFIXES = List.of("api/", "actuator/", "v3/", "swagger-ui", "ws/",
            "oauth2/", ".well-known/", "problems/");

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/**")
                .addResourceLocations("classpath:/static/")
                .resourceChain(true)
                .addResolver(new AppShellFallbackResolver());
    }

    static final class AppShellFallbackResolver extends PathResourceResolver {
        private final Resource index = new ClassPathResource("static/index.html");

        @Override
        protected @Nullable Resource resolveResourceInternal(@Nullable HttpServletRequest request, String requestPath,
                List<? extends Resource> locations, ResourceResolverChain chain) {
            Resource found = super.resolveResourceInternal(request, requestPath, locations, chain);
            if (found != null || request == null || !isClientRoute(requestPath, request)) {
                return found;
            }
            return index.exists() ? index : null;
        }

        static boolean isClientRoute(String path, HttpServletRequest request) {
            String accept = request.getHeader("Accept");
            if (accept == null || !accept.contains("text/html")) {
                return false;
            }
            String lastSegment = path.substring(path.lastIndexOf('/') + 1);
            return !lastSegment.contains(".") && SERVER_PREFIXES.stream().noneMatch(path::startsWith);
        }
    }
}
