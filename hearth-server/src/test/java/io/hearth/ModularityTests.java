package io.hearth;

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    // hearth-ml is a plain library jar (no Spring) that only shares the io.hearth root package; it is
    // not an application module, so modules may use any of its public types.
    private final ApplicationModules modules =
            ApplicationModules.of(HearthApplication.class, JavaClass.Predicates.resideInAPackage("io.hearth.ml.."));

    @Test
    void modulesOnlyTalkThroughTheirPublicFaces() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() throws java.io.IOException {
        Documenter documenter = new Documenter(modules);
        documenter.writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();

        java.nio.file.Path components = java.nio.file.Path.of("target", "spring-modulith-docs", "components.puml");
        org.assertj.core.api.Assertions.assertThat(java.nio.file.Files.readString(components))
                .contains("\"Ingestion\"", "\"Profiles\"", "\"Tenancy\"");
    }
}
