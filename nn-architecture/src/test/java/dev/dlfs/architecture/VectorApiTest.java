package dev.dlfs.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * nn-tensor is the only module that uses the JDK Vector API ({@code jdk.incubator.vector}): the other modules write
 * tensor operations, or call the fused kernels that nn-tensor exports to them. One home for the SIMD code keeps the
 * rules it must follow (exactly rounded operations, sums in a fixed order) in one place. nn-bench, which measures
 * the kernels, is not imported here.
 */
class VectorApiTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.dlfs");
    }

    @Test
    void onlyTensorUsesTheVectorApi() {
        noClasses().that().resideInAPackage("dev.dlfs..")
                .and().resideOutsideOfPackage("dev.dlfs.tensor..")
                .should().dependOnClassesThat().resideInAPackage("jdk.incubator.vector..")
                .because("SIMD code lives in nn-tensor; other modules use Tensor operations or dev.dlfs.tensor.fused")
                .check(classes);
    }

    @Test
    void theRuleCanSeeAUseOfTheVectorApi() {
        // nn-tensor's kernels use it: if no dependency showed, the rule above would pass whatever the other modules do.
        assertTrue(classes.stream()
                .filter(c -> c.getPackageName().startsWith("dev.dlfs.tensor"))
                .flatMap(c -> c.getDirectDependenciesFromSelf().stream())
                .anyMatch(d -> d.getTargetClass().getPackageName().startsWith("jdk.incubator.vector")));
        for (String module : List.of("layers", "optim", "loss", "data", "model", "examples")) {
            assertTrue(classes.stream().anyMatch(c -> c.getPackageName().startsWith("dev.dlfs." + module)),
                    "no classes of dev.dlfs." + module + " were imported: the rule would not cover it");
        }
    }
}
