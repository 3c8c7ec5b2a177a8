package io.github.migrationtest.core;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Core's layers as an executable rule: the model at the bottom, engines on it, servers and databases on
 * those, {@link MigrationDatabase} on top. A dependency that points up, or a package cycle, fails here.
 */
class LayersTests {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.migrationtest.core");

    @Test
    void noPackageOfCoreIsInACycle() {
        slices().matching("io.github.migrationtest.core.(**)").should().beFreeOfCycles().check(CORE);
    }

    @Test
    void dependenciesPointDownTheLayers() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Facade").definedBy("io.github.migrationtest.core")
                .layer("Databases").definedBy("io.github.migrationtest.core.internal.database..")
                .layer("Server registry").definedBy("io.github.migrationtest.core.internal.server")
                .layer("Providers").definedBy("io.github.migrationtest.core.internal.server.docker..",
                        "io.github.migrationtest.core.internal.server.embedded..",
                        "io.github.migrationtest.core.internal.server.external..")
                .layer("Servers").definedBy("io.github.migrationtest.core.server..")
                .layer("Engines").definedBy("io.github.migrationtest.core.internal.flyway..",
                        "io.github.migrationtest.core.internal.liquibase..")
                .layer("Dumps").definedBy("io.github.migrationtest.core.internal.dump..")
                .layer("Diagnosis").definedBy("io.github.migrationtest.core.internal.diagnosis..")
                .layer("Engine API").definedBy("io.github.migrationtest.core.engine..",
                        "io.github.migrationtest.core.flyway..")
                .layer("Support").definedBy("io.github.migrationtest.core.internal")
                .layer("Settings").definedBy("io.github.migrationtest.core.internal.config..")
                .layer("Model").definedBy("io.github.migrationtest.core.model..", "io.github.migrationtest.core.profile..")
                .whereLayer("Facade").mayNotBeAccessedByAnyLayer()
                .whereLayer("Databases").mayOnlyBeAccessedByLayers("Facade")
                .whereLayer("Server registry").mayOnlyBeAccessedByLayers("Databases", "Facade")
                .whereLayer("Providers").mayOnlyBeAccessedByLayers("Server registry")
                .whereLayer("Servers").mayOnlyBeAccessedByLayers("Providers", "Server registry", "Databases", "Facade")
                .whereLayer("Engines").mayOnlyBeAccessedByLayers("Databases", "Facade")
                .whereLayer("Dumps").mayOnlyBeAccessedByLayers("Databases", "Facade")
                .whereLayer("Diagnosis").mayOnlyBeAccessedByLayers("Engines", "Databases", "Facade")
                .whereLayer("Engine API").mayOnlyBeAccessedByLayers("Diagnosis", "Engines", "Databases", "Facade")
                .whereLayer("Support").mayOnlyBeAccessedByLayers("Engines", "Diagnosis", "Providers",
                        "Server registry", "Dumps", "Databases", "Facade")
                .whereLayer("Settings").mayOnlyBeAccessedByLayers("Support", "Servers", "Providers",
                        "Server registry", "Engines", "Diagnosis", "Databases", "Facade")
                .check(CORE);
    }
}
