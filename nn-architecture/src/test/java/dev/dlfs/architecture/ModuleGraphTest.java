package dev.dlfs.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module graph is the architecture: these rules keep it as designed. */
class ModuleGraphTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.dlfs");
        for (String root : List.of("tensor", "layers", "loss", "optim", "data", "model", "examples")) {
            if (classes.stream().noneMatch(c -> c.getPackageName().startsWith("dev.dlfs." + root))) {
                throw new AssertionError("no classes of dev.dlfs." + root + " were imported: the rules would be vacuous");
            }
        }
    }

    private static ArchRule dependsOnlyOn(String module, String... allowed) {
        // spark is forbidden to all: nn-spark is an optional add-on on the class path, which nothing may need.
        String[] forbidden = List.of("tensor", "layers", "loss", "optim", "data", "model", "examples", "spark").stream()
                .filter(m -> !m.equals(module) && !List.of(allowed).contains(m))
                .map(m -> "dev.dlfs." + m + "..")
                .toArray(String[]::new);
        return noClasses().that().resideInAPackage("dev.dlfs." + module + "..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .because("dev.dlfs." + module + " may depend only on "
                        + (allowed.length == 0 ? "no other dlfs module" : String.join(", ", allowed)));
    }

    @Test
    void tensorDependsOnNoOtherModule() {
        dependsOnlyOn("tensor").check(classes);
    }

    @Test
    void layersDependOnlyOnTensor() {
        dependsOnlyOn("layers", "tensor").check(classes);
    }

    @Test
    void lossDependsOnlyOnTensor() {
        dependsOnlyOn("loss", "tensor").check(classes);
    }

    @Test
    void optimDependsOnlyOnTensor() {
        dependsOnlyOn("optim", "tensor").check(classes);
    }

    @Test
    void dataDependsOnlyOnTensor() {
        dependsOnlyOn("data", "tensor").check(classes);
    }

    @Test
    void modelAssemblesTheLibraryModulesButNotTheApp() {
        dependsOnlyOn("model", "tensor", "layers", "loss", "optim", "data").check(classes);
    }

    @Test
    void theAppDoesNotDependOnSpark() {
        dependsOnlyOn("examples", "tensor", "layers", "loss", "optim", "data", "model").check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.dlfs.(**)").should().beFreeOfCycles().check(classes);
    }
}
