package io.restmachine.dynamodb.embedded;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine's layers (docs/architecture.md, "Engine layers"): each may use only the layers
 * below it, and only the wire layer ({@code protocol}, {@code auth}) and the public API know JSON.
 * A change that makes a lower layer reach up, or brings Jackson below the wire, fails here.
 */
class LayeringTest {
    private static final String ROOT = "io.restmachine.dynamodb.embedded";
    private static JavaClasses engine;

    @BeforeAll
    static void importEngine() {
        engine = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void everyLayerUsesOnlyTheLayersBelowIt() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("api")
                .definedBy(ROOT)
                .layer("wire")
                .definedBy(ROOT + ".protocol..", ROOT + ".auth..")
                .layer("action")
                .definedBy(ROOT + ".action..")
                .layer("persistence")
                .definedBy(ROOT + ".persistence..")
                .layer("table")
                .definedBy(ROOT + ".table..")
                .layer("stream")
                .definedBy(ROOT + ".stream..")
                .layer("partiql")
                .definedBy(ROOT + ".partiql..")
                .layer("expression")
                .definedBy(ROOT + ".expression..")
                .layer("value")
                .definedBy(ROOT + ".value..")
                .layer("error")
                .definedBy(ROOT + ".error..")
                .whereLayer("api")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("wire")
                .mayOnlyBeAccessedByLayers("api")
                .whereLayer("action")
                .mayOnlyBeAccessedByLayers("wire", "api")
                .whereLayer("persistence")
                .mayOnlyBeAccessedByLayers("api")
                .whereLayer("table")
                .mayOnlyBeAccessedByLayers("action", "persistence", "wire", "api")
                .whereLayer("stream")
                .mayOnlyBeAccessedByLayers("table", "action", "persistence", "wire", "api")
                .whereLayer("partiql")
                .mayOnlyBeAccessedByLayers("action", "wire", "api")
                .whereLayer("expression")
                .mayOnlyBeAccessedByLayers("partiql", "action", "wire", "api")
                .whereLayer("value")
                .mayOnlyBeAccessedByLayers(
                        "partiql", "expression", "stream", "table", "persistence", "action", "wire", "api")
                .check(engine);
    }

    @Test
    void onlyTheWireAndTheApiKnowJson() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        ROOT + ".action..",
                        ROOT + ".persistence..",
                        ROOT + ".table..",
                        ROOT + ".stream..",
                        ROOT + ".partiql..",
                        ROOT + ".expression..",
                        ROOT + ".value..",
                        ROOT + ".error..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.fasterxml.jackson..")
                .because("requests are decoded into typed records and results rendered by the protocol layer")
                .check(engine);
    }
}
