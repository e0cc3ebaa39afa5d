package io.agentcoach;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Verifies the module structure (no cycles, no access to another module's internals, only
 * allowed dependencies) and writes the module documentation and diagrams to docs/modules/.
 */
class ModularityTests {

    static final ApplicationModules modules = ApplicationModules.of(AgentCoachApplication.class);

    @Test
    void modulesKeepTheirBoundaries() {
        modules.verify();
    }

    @Test
    void everyModuleOfTheDesignExists() {
        assertThat(modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .contains("platform", "identity", "content", "knowledge", "sandbox", "practice", "mastery",
                        "coaching", "analytics");
    }

    @Test
    void writesModuleDocumentation() {
        String root = System.getProperty("agentcoach.repo-root", "..");
        new Documenter(modules, Documenter.Options.defaults()
                .withOutputFolder(Path.of(root, "docs", "modules").toString()))
                .writeDocumentation()
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
    }
}
