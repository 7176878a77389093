package dev.dlfs.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The sample plugin proves the SPI: it may use only what dlfs publishes for plugin authors. */
class PluginSampleTest {

    @Test
    void thePluginUsesOnlyThePublishedSpi() {
        JavaClasses plugin = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.example.dlfs.plugin");
        assertFalse(plugin.isEmpty(), "no classes of the sample plugin were imported: the rule would be vacuous");
        classes().that().resideInAPackage("com.example.dlfs.plugin..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "com.example.dlfs.plugin..", "dev.dlfs.layers", "dev.dlfs.loss", "dev.dlfs.optim",
                        "dev.dlfs.tensor", "dev.dlfs.tensor.spi", "dev.dlfs.tensor.simd", "java..", "jdk.incubator.vector..")
                .because("a plugin is written against the exported SPI packages only, never internals or nn-model")
                .check(plugin);
    }
}
